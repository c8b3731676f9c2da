package org.mandatetracker.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.web.record.Forms;
import org.mandatetracker.web.record.RequestBodies;
import org.mandatetracker.web.view.Dates;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyAndDatesTests {

    private final Forms forms = new Forms();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void typedFieldsBecomeTheApisNestedTypedRequestWithBlanksAndPathFieldsLeftOut() throws Exception {
        String body = RequestBodies.of(forms.get("mandate"), Map.of("bodyId", "ctoc-wg-tip", "id", "m-1",
                "task", " Hold a meeting ", "deadline.form", "before-session", "deadline.bodyId", "ctoc-cop",
                "deadline.session", "6", "deadline.date", "", "conferredOn", "2010-10-22",
                "source.document", "5/2", "source.paragraph", "(a)")).toString();
        assertThat(new ObjectMapper().readTree(body)).isEqualTo(new ObjectMapper().readTree("""
                {"id": "m-1", "task": "Hold a meeting", "deadline": {"form": "before-session", "bodyId": "ctoc-cop",
                 "session": 6}, "conferredOn": "2010-10-22", "source": {"document": "5/2", "paragraph": "(a)"}}"""));
    }

    @Test
    void checkboxesAreBooleansLinesAreListsAndParagraphsAreNumbered() {
        var establishment = RequestBodies.of(forms.get("body"), Map.of("name", "WG", "openEnded", "true",
                "legalBasis", "article 32\r\n\r\nrule 2\n"));
        assertThat(establishment.get("openEnded").booleanValue()).isTrue();
        assertThat(establishment.get("interim").booleanValue()).isFalse();
        assertThat(establishment.get("legalBasis")).hasSize(2);
        var decision = RequestBodies.of(forms.get("decision"), Map.of("paragraphs", "1 | Decides\n2 | Requests"));
        assertThat(decision.at("/paragraphs/1/number").asText()).isEqualTo("2");
        assertThat(decision.at("/paragraphs/1/text").asText()).isEqualTo("Requests");
    }

    @Test
    void aNumberThatIsNotOneIsSentAsTypedForTheApiToName() {
        assertThat(RequestBodies.of(forms.get("meeting"), Map.of("session", "sixth")).get("session").isTextual())
                .isTrue();
    }

    @Test
    void datesReadAsPeopleWriteThemInEnglishAndFrench() {
        Dates dates = new Dates();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(dates.text("2012-10-14")).isEqualTo("14 October 2012");
        assertThat(dates.period("2011-10-10", "2011-10-12")).isEqualTo("10 October 2011 – 12 October 2011");
        assertThat(dates.period("2010-10-19", "2010-10-19")).isEqualTo("19 October 2010");
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(dates.text("2012-10-14")).isEqualTo("14 octobre 2012");
        assertThat(dates.text("not a date")).isEqualTo("not a date");
    }
}
