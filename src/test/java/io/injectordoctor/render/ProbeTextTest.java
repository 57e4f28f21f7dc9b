package io.injectordoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.report.ProbeResult;
import io.injectordoctor.report.ProbeResult.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeTextTest {
    static final String X509 = "Internal error occurred: failed calling webhook \"namespace.sidecar-injector.istio.io\":"
            + " failed to call webhook: Post \"https://istiod.istio-system.svc:443/inject?timeout=10s\": tls: failed to"
            + " verify certificate: x509: certificate signed by unknown authority";

    static String render(ProbeResult r) {
        StringWriter s = new StringWriter();
        new ProbeText(Style.plain()).write(new PrintWriter(s), r);
        return s.toString();
    }

    static ProbeResult result(Outcome o, String detail, String error, Integer code, List<String> added, Boolean ref,
            Boolean agrees) {
        return new ProbeResult(o, "pod/web", "shop", "web-idprobe-bcdfg", detail, error, code, added, List.of(),
                List.of(), o == Outcome.INJECTED, false, ref, agrees, List.of(), null, null, null);
    }

    @Test
    void injectedAndAgreeing() {
        String out = render(result(Outcome.INJECTED, "the live admission chain injects", null, null,
                List.of("istio-proxy"), true, true));

        assertThat(out).isEqualTo("""
                Probe: dry-run create of pod/web-idprobe-bcdfg in namespace shop (dryRun=All, nothing created)
                  Live chain: INJECTED: the live admission chain injects
                    containers added: istio-proxy
                  Reference verdict: INJECT
                  \u221a the live chain agrees with the reference

                """);
    }

    @Test
    void rejectionShowsTheServerMessageVerbatimAndTheDisagreement() {
        String out = render(result(Outcome.REJECTED, "the API server would refuse to create this pod (HTTP 500)", X509, 500,
                List.of(), true, false));

        assertThat(out).contains("  Live chain: REJECTED: the API server would refuse to create this pod (HTTP 500)\n"
                + "    " + X509 + "\n");
        assertThat(out).contains("\u00d7 the live chain refuses the pod: the reference expects it to be created with istio-proxy");
    }

    @Test
    void aDenialByTheInjectorNamesItsClassAndItsPage() {
        String denied = "admission webhook \"namespace.sidecar-injector.istio.io\" denied the request: failed to run "
                + "injection template: requested template \"gatewy\" not found; have sidecar, gateway";
        ProbeResult r = new ProbeResult(Outcome.REJECTED, "deployment/gw", "edge", "gw-idprobe-bcdfg", "refused", denied, 400,
                List.of(), List.of(), List.of(), false, false, false, true, List.of(), null, "refused", denied,
                "template-not-found");

        assertThat(render(r)).contains("    " + denied + "\n    cause: template-not-found "
                + "(injector-doctor docs webhook-errors#template-not-found)\n");
    }

    @Test
    void notInjectedAgainstAnInjectVerdict() {
        String out = render(result(Outcome.NOT_INJECTED, "the live admission chain does not inject", null, null, List.of(),
                true, false));

        assertThat(out).contains("NOT INJECTED").contains("\u00d7 the live chain does not inject, the reference does")
                .doesNotContain("containers added");
    }

    @Test
    void aRefusalSaysNothingWasSent() {
        ProbeResult r = new ProbeResult(Outcome.REFUSED, "pod/web", "shop", null, "--probe refused: hooks with side effects",
                null, null, List.of(), List.of(), List.of(), false, false, true, null, List.of("a/b (sideEffects: Some)"), 64, null, null);

        assertThat(render(r)).isEqualTo("""
                Probe: NOT SENT (nothing was sent to the admission chain)
                  --probe refused: hooks with side effects

                """);
    }

    @Test
    void theJsonObjectCarriesTheOutcomeAndTheVerbatimError() {
        String json = Structured.json(result(Outcome.REJECTED, "d", X509, 500, List.of(), true, false));

        assertThat(json).contains("\"outcome\" : \"REJECTED\"").contains("\"httpCode\" : 500").contains("\"agrees\" : false")
                .contains("x509: certificate signed by unknown authority");
    }
}
