package io.injectordoctor.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.DoctorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The flat reader and the full YAML reader give the same entry; every shipped entry takes the flat path. */
class CatalogueFormsTest {
    static Stream<Path> shipped() throws IOException {
        return Files.list(Path.of("checks")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyShippedEntryIsFlatAndReadsAsTheFullReaderReadsIt(Path file) throws IOException {
        String text = Files.readString(file);
        String id = file.getFileName().toString().replace(".yaml", "");
        CatalogueEntry flat = FlatYaml.read(text).flatMap(Catalogue::flat).orElseThrow(
                () -> new AssertionError(file + " is outside the flat shape: short commands would load the YAML library"));
        assertThat(flat).isEqualTo(Catalogue.full(id, text));
    }

    @Test
    void quotingAndListsReadAsYamlReadsThem() throws IOException {
        String text = String.join("\n",
                "# a comment",
                "id: ID9901",
                "title: 'it''s quoted'",
                "category: workloads",
                "severity: WARNING",
                "reads: [pods, deployments]",
                "optionalReads: []",
                "summary: \"say \\\"hi\\\" with a back\\\\slash\"",
                "remediation: kubectl get pods -n shop",
                "runbookStep: none",
                "");
        CatalogueEntry flat = FlatYaml.read(text).flatMap(Catalogue::flat).orElseThrow();
        assertThat(flat).isEqualTo(Catalogue.full("ID9901", text));
        assertThat(flat.title()).isEqualTo("it's quoted");
        assertThat(flat.summary()).isEqualTo("say \"hi\" with a back\\slash");
    }

    @Test
    void anythingOutsideTheShapeIsLeftToTheFullReader() throws IOException {
        List<String> outside = List.of(
                "summary: >\n  folded\n  text",
                "summary: \"a tab\\there\"",
                "summary: yes",
                "summary: a: b",
                "reads: [pods, \"deployments\"]",
                "nested:\n  key: value",
                "id: ID0001\nid: ID0002");
        for (String text : outside) {
            assertThat(FlatYaml.read(text)).as(text).isEmpty();
        }
        String folded = String.join("\n", "id: ID9902", "title: folded", "category: workloads", "severity: ERROR",
                "reads: [pods]", "summary: >", "  one", "  line", "remediation: none", "runbookStep: none", "");
        CatalogueEntry e = Catalogue.parse("ID9902", new ByteArrayInputStream(folded.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.summary()).isEqualTo("one line");
    }

    @Test
    void aBrokenEntryGetsTheFullReadersError() {
        String missing = String.join("\n", "id: ID9903", "title: t", "category: workloads", "severity: ERROR", "");
        assertThatThrownBy(() -> Catalogue.parse("ID9903", new ByteArrayInputStream(missing.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(DoctorException.class).hasMessageContaining("checks/ID9903.yaml").hasMessageContaining("reads");
        String unknownKind = String.join("\n", "id: ID9904", "title: t", "category: workloads", "severity: ERROR",
                "reads: [gizmos]", "summary: s", "remediation: r", "runbookStep: x", "");
        assertThatThrownBy(() -> Catalogue.parse("ID9904", new ByteArrayInputStream(unknownKind.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(DoctorException.class).hasMessageContaining("gizmos");
    }
}
