package org.mandatetracker.support.web;

import org.junit.jupiter.api.Test;
import org.mandatetracker.support.text.MultiLine;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class StrictJsonTests {

    record Source(String document, String paragraph) {
    }

    record Command(String name, @MultiLine String task, List<String> basis, LocalDate on, Source source) {
    }

    private final MappingJackson2HttpMessageConverter converter =
            new JsonConfig().mappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json());

    @Test
    void textIsCheckedAndNormalisedWhereverItIs() throws Exception {
        Command command = read("""
                {"name": "Co\u0302te", "task": "line one\\nline two", "basis": ["a"], "on": "2011-01-05",
                 "source": {"document": "4/4", "paragraph": "1"}}""");
        assertThat(command.name()).isEqualTo("C\u00f4te");
        assertThat(command.task()).isEqualTo("line one\nline two");
        assertThat(command.on()).isEqualTo(LocalDate.of(2011, 1, 5));
    }

    @Test
    void eachRefusalNamesTheFieldAndRule() {
        assertRefused("{\"name\": \"a\\nb\"}", "name", "single-line");
        assertRefused("{\"task\": \"a\\u0000b\"}", "task", "control");
        assertRefused("{\"basis\": [\"ok\", \"\\ud800\"]}", "basis[1]", "surrogate");
        assertRefused("{\"source\": {\"paragraph\": \" \"}}", "source.paragraph", "blank");
        assertRefused("{\"on\": \"+10000-01-01\"}", "on", "date");
        assertRefused("{\"on\": \"0999-12-31\"}", "on", "date-range");
        assertRefused("{\"name\": \"a\", \"name\": \"b\"}", "name", "duplicate-key");
        assertRefused("{\"source\": {\"document\": \"4/4\", \"document\": \"4/5\"}}", "source.document",
                "duplicate-key");
    }

    @Test
    void malformedUtf8IsRefusedInTheFieldThatHeldIt() {
        byte[] body = "{\"name\": \"a\u0001b\"}".getBytes(StandardCharsets.UTF_8);
        body[11] = (byte) 0xC0;
        byte[] overlong = new byte[body.length + 1];
        System.arraycopy(body, 0, overlong, 0, 12);
        overlong[12] = (byte) 0x80;
        System.arraycopy(body, 12, overlong, 13, body.length - 12);
        assertThat(refusal(overlong)).containsExactly("name", "noncharacter");
    }

    private Command read(String json) throws Exception {
        return (Command) converter.read(Command.class, null,
                new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertRefused(String json, String field, String rule) {
        assertThat(refusal(json.getBytes(StandardCharsets.UTF_8))).as(json).containsExactly(field, rule);
    }

    private List<String> refusal(byte[] body) {
        Throwable thrown = catchThrowable(() -> converter.read(Command.class, null, new MockHttpInputMessage(body)));
        ProblemResponses.FieldProblem problem = ProblemResponses.unreadable(thrown.getCause());
        return java.util.Arrays.asList(problem.field(), problem.rule());
    }
}
