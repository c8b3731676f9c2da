package org.mandatetracker.loader;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFileTests {

    @Test
    void theShippedWorkedExampleReadsIntoRequestsInOrder() throws Exception {
        List<Step> steps = DataFile.read(Path.of("../examples/ctoc-trafficking-in-persons.yaml"));
        assertThat(steps).extracting(Step::path).startsWith("/api/bodies", "/api/bodies",
                "/api/bodies/ctoc-wg-tip/mandates").contains("/api/meetings/ctoc-cop-4/held",
                "/api/meetings/ctoc-cop-4/decisions", "/api/meetings/wg-tip-2011-10/recommendations",
                "/api/meetings/ctoc-cop-6/documents").endsWith("/api/mandates/wg-tip-intersessional-meeting/fulfilment");
        Step wg = steps.get(1);
        assertThat(wg.body().get("openEnded").isBoolean()).isTrue();
        assertThat(wg.body().at("/establishedBy/document").asText()).isEqualTo("4/4");
        assertThat(wg.body().get("establishedOn").asText()).isEqualTo("2008-10-17");
        Step mandate = steps.get(3);
        assertThat(mandate.body().has("body")).isFalse();
        assertThat(mandate.body().at("/deadline/session").isNumber()).isTrue();
    }

    @Test
    void locatesFieldsByTheirLineAndColumn() throws Exception {
        List<Step> steps = DataFile.read("f.yaml", new StringReader("""
                bodies:
                  - id: b
                    name: N
                    establishedBy: {document: "4/4", paragraph: "1"}
                """));
        assertThat(steps.get(0).locate("establishedBy.document")).isEqualTo("4:31");
        assertThat(steps.get(0).locate("name")).isEqualTo("3:11");
        assertThat(steps.get(0).locate("legalBasis[0]")).isEqualTo("2:5");
        assertThat(steps.get(0).locate(null)).isEqualTo("2:5");
    }

    @Test
    void reportsMalformedFilesWithLineFieldAndRule() {
        assertThatThrownBy(() -> DataFile.read("bad.yaml", new StringReader("bodies: [ {id: a\n")))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith("bad.yaml:2:1: not valid YAML");
        assertThatThrownBy(() -> DataFile.read("bad.yaml", new StringReader("""
                bodies:
                  - name: no id
                bogus: []
                mandates:
                  - id: m
                meetings: not-a-list
                """)))
                .isInstanceOf(DataFileException.class)
                .satisfies(e -> assertThat(((DataFileException) e).problems()).containsExactlyInAnyOrder(
                        "bad.yaml:3:1: bogus: unknown section; expected one of [bodies, mandates, meetings, fulfilments]",
                        "bad.yaml:6:11: meetings: must be a list of entries",
                        "bad.yaml:2:5: bodies[0].id: is required",
                        "bad.yaml:5:5: mandates[0].body: is required"));
    }
}
