package io.injectordoctor.checks.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdmissionErrorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // The URL's "?timeout=10s" must not make every failure a timeout.
        "Post \"https://istiod.istio-system.svc:443/inject?timeout=10s\": dial tcp 10.0.0.1:443: connect: connection refused|CONNECTION_REFUSED",
        "Post \"https://istiod.istio-system.svc:443/inject?timeout=10s\": net/http: request canceled (Client.Timeout exceeded while awaiting headers)|TIMEOUT",
        "Post \"https://istiod.istio-system.svc:443/inject?timeout=10s\": dial tcp 10.0.0.1:15017: i/o timeout|TIMEOUT",
        // A proxy that times out is the proxy's fault.
        "Post \"https://istiod.istio-system.svc:443/inject?timeout=10s\": proxyconnect tcp: dial tcp 10.0.0.5:3128: i/o timeout|PROXY",
        "Post \"https://istiod.istio-system.svc:443/inject?timeout=10s\": read tcp 10.0.0.2:50012->10.0.0.1:15017: read: connection reset by peer|OTHER",
        "Post \"https://istiod.istio-system.svc:443/inject?timeout=10s\": unexpected EOF|EOF",
        "x509: certificate is not valid for any names, but wanted to match istiod.istio-system.svc|CERTIFICATE_WRONG_NAME",
    })
    void classifiesByTheApiServersErrorText(String message, AdmissionError expected) {
        assertThat(AdmissionError.classify(message)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "failed calling admission webhook \"sidecar-injector.istio.io\": Post ...|sidecar-injector.istio.io",
        "failed calling webhook \"validate.kyverno.svc\": x; failed calling webhook \"object.sidecar-injector.istio.io\": y|object.sidecar-injector.istio.io",
    })
    void findsTheInjectionWebhookNamedInAMessage(String message, String hook) {
        assertThat(AdmissionError.injectionWebhook(message)).contains(hook);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"admission webhook \"validate.kyverno.svc\" denied the request", "exceeded quota: compute"})
    void ignoresMessagesThatNameNoInjectionWebhook(String message) {
        assertThat(AdmissionError.injectionWebhook(message)).isEmpty();
    }
}
