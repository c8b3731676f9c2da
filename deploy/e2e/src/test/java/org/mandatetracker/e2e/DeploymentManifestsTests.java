package org.mandatetracker.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file and the Kubernetes manifests cannot run here (no Docker engine, no cluster), so they are checked
 * statically: every service is there with its health checks, every port and environment variable they name exists
 * in the service's own configuration, and every reference between them resolves.
 */
@SuppressWarnings("unchecked")
class DeploymentManifestsTests {

    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Map<String, String> CONFIG = Map.of(
            "mandate-service", "mandate-service/mandate-app/src/main/resources/application.yaml",
            "meeting-service", "meeting-service/meeting-app/src/main/resources/application.yaml",
            "report-service", "report-service/src/main/resources/application.yaml",
            "gateway", "gateway/src/main/resources/application.yaml",
            "web", "web/src/main/resources/application.yaml");
    private static final Map<String, Integer> PORTS = Map.of(
            "mandate-service", 8081, "meeting-service", 8082, "report-service", 8083, "gateway", 8080, "web", 8084);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");
    /** Read by the JVM itself rather than the service's configuration. */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    private static Set<String> placeholders(String service) throws IOException {
        Set<String> names = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(ROOT.resolve(CONFIG.get(service))));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** A variable the service reads: one of its placeholders, or a Spring property by relaxed binding. */
    private static void assertKnown(String service, String variable) throws IOException {
        if (!variable.startsWith("SPRING_") && !variable.equals(JVM_OPTIONS)) {
            assertThat(placeholders(service)).as(service + " reads " + variable).contains(variable);
        }
    }

    @Test
    void theComposeFileRunsEveryServiceWithHealthChecksAndKnownSettings() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("deploy/compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "kafka", "mandate-service", "meeting-service", "report-service",
                "gateway", "web");
        for (var entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = entry.getValue();
            assertThat(service).as(name + " has a health check").containsKey("healthcheck");
            assertThat(service.get("restart")).as(name + " is restarted when it exits")
                    .isIn("unless-stopped", "always");
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                assertThat(services.keySet()).as(name + " depends on").containsAll((Set<String>) dependencies.keySet());
            }
            if (!CONFIG.containsKey(name)) {
                continue;
            }
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            for (String variable : env.keySet()) {
                assertKnown(name, variable);
            }
            String port = String.valueOf(PORTS.get(name));
            assertThat(env.values().stream().map(String::valueOf)).as(name + " port").contains(port);
            assertThat(String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test")))
                    .contains("localhost:" + port + "/actuator/health/readiness");
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            String jar = (String) ((Map<String, Object>) build.get("args")).get("JAR");
            assertThat(ROOT.resolve(jar.replaceAll("/target/.*", "/pom.xml"))).as(name + " jar's module").exists();
            for (Object value : env.values()) {
                assertUrlTargetsAService(String.valueOf(value), services.keySet());
            }
            assertDiesOnOutOfMemory(name, env.get(JVM_OPTIONS), service.get("mem_limit"));
        }
        assertThat(((Map<String, Object>) services.get("gateway")).get("ports")).asString().contains("8080:8080");
    }

    /** A JVM out of memory must exit, to be restarted, rather than hang; and its heap must have a bound. */
    private static void assertDiesOnOutOfMemory(String service, Object jvmOptions, Object memoryLimit) {
        assertThat(String.valueOf(jvmOptions)).as(service + " " + JVM_OPTIONS)
                .contains("-XX:+ExitOnOutOfMemoryError").containsAnyOf("-XX:MaxRAMPercentage=", "-Xmx");
        assertThat(memoryLimit).as(service + " memory limit, which MaxRAMPercentage is a share of").isNotNull();
    }

    private static void assertUrlTargetsAService(String value, Set<String> services) {
        if (value.startsWith("http://")) {
            URI uri = URI.create(value);
            assertThat(services).as(value).contains(uri.getHost());
            assertThat(PORTS.get(uri.getHost())).as(value).isEqualTo(uri.getPort());
        }
    }

    @Test
    void theKubernetesManifestsAreCompleteAndConsistent() throws IOException {
        Path base = ROOT.resolve("deploy/k8s/base");
        Map<String, Object> kustomization = new Yaml().load(Files.readString(base.resolve("kustomization.yaml")));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String resource : (List<String>) kustomization.get("resources")) {
            assertThat(base.resolve(resource)).exists();
            for (Object document : new Yaml().loadAll(Files.readString(base.resolve(resource)))) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        Set<String> configMaps = new HashSet<>();
        for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.get("configMapGenerator")) {
            configMaps.add((String) generator.get("name"));
        }
        Map<String, Integer> deployments = new java.util.HashMap<>();
        for (Map<String, Object> document : kinds(documents, "Deployment")) {
            String name = name(document);
            Map<String, Object> spec = (Map<String, Object>) document.get("spec");
            assertThat((Integer) spec.get("replicas")).as(name + " replicas").isGreaterThanOrEqualTo(2);
            Map<String, Object> container = ((List<Map<String, Object>>) at(spec, "template", "spec")
                    .get("containers")).get(0);
            int port = (Integer) ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort");
            assertThat(port).as(name + " port").isEqualTo(PORTS.get(name));
            deployments.put(name, port);
            assertThat(at(container, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness")
                    .containsEntry("port", port);
            assertThat(at(container, "livenessProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness");
            assertThat(at(container, "resources", "requests")).containsKeys("cpu", "memory");
            List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
            assertDiesOnOutOfMemory(name, env.stream().filter(v -> JVM_OPTIONS.equals(v.get("name")))
                    .map(v -> v.get("value")).findFirst().orElse(null), at(container, "resources", "limits")
                    .get("memory"));
            for (Map<String, Object> variable : env) {
                assertKnown(name, (String) variable.get("name"));
                Object value = variable.get("value");
                if (value != null) {
                    assertUrlTargetsAService(String.valueOf(value), PORTS.keySet());
                }
                Map<String, Object> from = (Map<String, Object>) variable.get("valueFrom");
                if (from != null && from.containsKey("configMapKeyRef")) {
                    assertThat(configMaps).contains((String) at(from, "configMapKeyRef").get("name"));
                }
                if (from != null && from.containsKey("secretKeyRef")) {
                    assertThat((String) at(from, "secretKeyRef").get("name"))
                            .isIn("mandate-tracker-internal", "mandate-tracker-db-app");
                }
            }
        }
        assertThat(deployments).containsOnlyKeys(PORTS.keySet());
        for (Map<String, Object> service : kinds(documents, "Service")) {
            String selected = (String) at((Map<String, Object>) service.get("spec"), "selector")
                    .get("app.kubernetes.io/name");
            assertThat(deployments).as(name(service) + " selects a deployment").containsKey(selected);
            Map<String, Object> port = ((List<Map<String, Object>>) at(service, "spec").get("ports")).get(0);
            assertThat(port.get("targetPort")).isEqualTo(deployments.get(selected));
        }
        List<Map<String, Object>> topics = kinds(documents, "KafkaTopic");
        assertThat(topics).extracting(DeploymentManifestsTests::name)
                .containsExactlyInAnyOrder("mandate.events.v1", "meeting.events.v1");
        for (Map<String, Object> topic : topics) {
            Map<String, Object> spec = at(topic, "spec");
            assertThat((Integer) spec.get("partitions")).isGreaterThanOrEqualTo(6);
            assertThat(at(spec, "config")).containsEntry("retention.ms", -1);
        }
        assertThat(kinds(documents, "Kafka")).hasSize(1);
        assertThat(kinds(documents, "Cluster")).extracting(d -> (String) d.get("apiVersion"))
                .containsExactly("postgresql.cnpg.io/v1");
        Set<String> databases = new HashSet<>();
        kinds(documents, "Database").forEach(d -> databases.add((String) at(d, "spec").get("name")));
        databases.add((String) at(kinds(documents, "Cluster").get(0), "spec", "bootstrap", "initdb").get("database"));
        assertThat(databases).containsExactlyInAnyOrder("mandate_service", "meeting_service", "report_service");
    }

    private static List<Map<String, Object>> kinds(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static String name(Map<String, Object> document) {
        return (String) at(document, "metadata").get("name");
    }

    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
