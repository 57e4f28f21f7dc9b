package io.injectordoctor.mutation;

import io.injectordoctor.mesh.IstioLayout;
import static io.injectordoctor.mutation.Nodes.arr;
import static io.injectordoctor.mutation.Nodes.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The volumes of Istio's {@code sidecar} template, in its order. */
final class SidecarVolumes {
    private SidecarVolumes() {
    }

    static List<ObjectNode> all() {
        return List.of(
                obj("name", "workload-socket"),
                obj("name", "credential-socket"),
                obj("name", "workload-certs"),
                obj("emptyDir", obj("medium", "Memory"), "name", "istio-envoy"),
                obj("emptyDir", obj(), "name", "istio-data"),
                obj("downwardAPI", obj("items", arr(
                        obj("fieldRef", obj("fieldPath", "metadata.labels"), "path", "labels"),
                        obj("fieldRef", obj("fieldPath", "metadata.annotations"), "path", "annotations"))),
                        "name", "istio-podinfo"),
                obj("name", "istio-token", "projected", obj("sources", arr(obj("serviceAccountToken", obj(
                        "audience", "istio-ca", "expirationSeconds", 43200, "path", "istio-token"))))),
                obj("configMap", obj("name", IstioLayout.ROOT_CONFIG_MAP), "name", "istiod-ca-cert"),
                obj("configMap", obj("name", "istio-ca-crl", "optional", true), "name", "istio-ca-crl"));
    }
}
