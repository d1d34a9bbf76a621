package org.nianbao.charttests;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.Test;
import org.nianbao.events.Topics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart lints, renders with default and custom values, and every object keeps the invariants. */
class ChartTest {
    private static final Path MANIFESTS = Chart.ROOT.resolve("deploy/manifests/nianbao.yaml");

    @Test
    void theChartLints() {
        LintResult lint = new Helm(Chart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as("helm lint: %s", lint.getMessages()).isFalse();
    }

    @Test
    void everyDeploymentHasProbesResourcesAPinnedTagAndARestrictedContext() {
        List<HasMetadata> objects = Chart.objects(Chart.render(Map.of()));
        List<Deployment> deployments = of(objects, Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("nianbao-nianbao-intake", "nianbao-nianbao-extraction", "nianbao-nianbao-validation",
                        "nianbao-nianbao-publication");
        for (Deployment d : deployments) {
            assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
                assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
                assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
                assertThat(c.getImage()).as(c.getImage()).doesNotEndWith(":latest").contains(":");
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            }
        }
        assertThat(kinds(objects)).contains("Service", "PodDisruptionBudget", "NetworkPolicy", "ConfigMap", "Role",
                "RoleBinding", "ServiceAccount");
    }

    @Test
    void consumersScaleOnLagWithinTheirPartitionsAndIntakeOnCpu() {
        for (int partitions : new int[]{6, 3, 12}) {
            List<HasMetadata> objects = Chart.objects(Chart.render(Map.of("kafka.topics.partitions", partitions)));
            List<GenericKubernetesResource> scaled = generic(objects, "ScaledObject");
            assertThat(scaled).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder(
                    "nianbao-nianbao-extraction", "nianbao-nianbao-validation", "nianbao-nianbao-publication");
            for (GenericKubernetesResource s : scaled) {
                int max = ((Number) ((Map<?, ?>) s.getAdditionalProperties().get("spec")).get("maxReplicaCount")).intValue();
                assertThat(max).as("%s with %d partitions", s.getMetadata().getName(), partitions).isLessThanOrEqualTo(partitions);
                Map<?, ?> trigger = (Map<?, ?>) ((List<?>) ((Map<?, ?>) s.getAdditionalProperties().get("spec")).get("triggers")).get(0);
                assertThat(trigger.get("type")).isEqualTo("kafka");
            }
            assertThat(of(objects, HorizontalPodAutoscaler.class)).singleElement()
                    .satisfies(h -> assertThat(h.getSpec().getScaleTargetRef().getName()).isEqualTo("nianbao-nianbao-intake"));
        }
    }

    @Test
    void everyTopicAndDeadLetterTopicIsDeclared() {
        List<HasMetadata> objects = Chart.objects(Chart.render(Map.of("kafka.topics.partitions", 12, "kafka.topics.replicas", 3)));
        List<GenericKubernetesResource> topics = generic(objects, "KafkaTopic");
        assertThat(topics).extracting(t -> t.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(Topics.all());
        for (GenericKubernetesResource t : topics) {
            Map<?, ?> spec = (Map<?, ?>) t.getAdditionalProperties().get("spec");
            assertThat(((Number) spec.get("partitions")).intValue()).isEqualTo(12);
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "nianbao");
        }
    }

    @Test
    void customValuesFlowThrough() {
        List<HasMetadata> objects = Chart.objects(Chart.render(Map.of("services.extraction.replicas", 4,
                "image.tag", "1.2.3", "database.existingSecret", "", "database.password", "s3cret",
                "observability.otlpEndpoint", "http://collector:4317")));
        Deployment extraction = of(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().endsWith("extraction")).findFirst().orElseThrow();
        assertThat(extraction.getSpec().getReplicas()).isEqualTo(4);
        assertThat(extraction.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith(":1.2.3");
        assertThat(kinds(objects)).contains("Secret");
        String rendered = Chart.render(Map.of("observability.otlpEndpoint", "http://collector:4317"));
        assertThat(rendered).contains("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: \"http://collector:4317\"")
                .contains("QUARKUS_OTEL_SDK_DISABLED: \"false\"");
    }

    @Test
    void everyPodCanTakePartInItsLeaseElection() {
        List<HasMetadata> objects = Chart.objects(Chart.render(Map.of()));
        for (Deployment d : of(objects, Deployment.class)) {
            assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("nianbao-nianbao");
            Map<String, String> fields = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null)
                    .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getFieldRef().getFieldPath()));
            assertThat(fields).as(d.getMetadata().getName())
                    .containsEntry("POD_NAME", "metadata.name").containsEntry("POD_NAMESPACE", "metadata.namespace");
        }
        Role role = of(objects, Role.class).stream().filter(r -> r.getMetadata().getName().endsWith("-leases"))
                .findFirst().orElseThrow();
        assertThat(role.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
            assertThat(rule.getResources()).containsExactly("leases");
            // what the fabric8 LeaderElector does with its Lease
            assertThat(rule.getVerbs()).contains("get", "create", "update", "patch");
        });
        RoleBinding binding = of(objects, RoleBinding.class).stream()
                .filter(r -> r.getMetadata().getName().endsWith("-leases")).findFirst().orElseThrow();
        assertThat(binding.getSubjects()).singleElement()
                .satisfies(subject -> assertThat(subject.getName()).isEqualTo("nianbao-nianbao"));
    }

    @Test
    void onlyIntakeAndPublicationGetTheAdminTokenAndOnlyIntakeAndExtractionTheInternalToken() {
        for (Deployment d : of(Chart.objects(Chart.render(Map.of())), Deployment.class)) {
            String name = d.getMetadata().getName();
            assertThat(hasSecret(d, "NIANBAO_ADMIN_TOKEN", "admin-token")).as(name)
                    .isEqualTo(name.endsWith("intake") || name.endsWith("publication"));
            assertThat(hasSecret(d, "NIANBAO_INTERNAL_TOKEN", "internal-token")).as(name)
                    .isEqualTo(name.endsWith("intake") || name.endsWith("extraction"));
        }
    }

    private static boolean hasSecret(Deployment d, String variable, String key) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .anyMatch(e -> e.getName().equals(variable) && e.getValueFrom() != null
                        && e.getValueFrom().getSecretKeyRef() != null && e.getValueFrom().getSecretKeyRef().getKey().equals(key));
    }

    @Test
    void oidcForPlatformsIsOffByDefaultAndConfiguredByValues() {
        assertThat(intakeEnv(Map.of())).doesNotContainKeys("NIANBAO_OIDC_ENABLED", "NIANBAO_OIDC_AUTH_SERVER_URL");
        Map<String, String> env = intakeEnv(Map.of("auth.oidc.enabled", true,
                "auth.oidc.authServerUrl", "https://sso.example.gov.cn/realms/nianbao",
                "auth.oidc.audience", "nianbao-intake", "auth.oidc.clientClaim", "platform"));
        assertThat(env).containsEntry("NIANBAO_OIDC_ENABLED", "true")
                .containsEntry("NIANBAO_OIDC_AUTH_SERVER_URL", "https://sso.example.gov.cn/realms/nianbao")
                .containsEntry("NIANBAO_OIDC_AUDIENCE", "nianbao-intake")
                .containsEntry("NIANBAO_OIDC_PLATFORM_CLAIM", "platform");
        assertThatThrownBy(() -> Chart.render(Map.of("auth.oidc.enabled", true)))
                .hasMessageContaining("authServerUrl");
    }

    @Test
    void oidcForReviewersGoesToPublicationOnly() {
        Map<String, Object> values = Map.of("auth.reviewerOidc.enabled", true,
                "auth.reviewerOidc.authServerUrl", "https://sso.example.gov.cn/realms/review",
                "auth.reviewerOidc.webClientId", "nianbao-review", "auth.reviewerOidc.webClientSecret", "s3cret");
        assertThat(env("publication", values)).containsEntry("NIANBAO_OIDC_ENABLED", "true")
                .containsEntry("NIANBAO_OIDC_AUTH_SERVER_URL", "https://sso.example.gov.cn/realms/review")
                .containsEntry("NIANBAO_OIDC_REGION_CLAIM", "nianbao_region")
                .containsEntry("NIANBAO_OIDC_WEB_CLIENT_ID", "nianbao-review");
        assertThat(env("intake", values)).doesNotContainKey("NIANBAO_OIDC_ENABLED");
        assertThat(env("publication", Map.of())).doesNotContainKeys("NIANBAO_OIDC_ENABLED", "NIANBAO_OIDC_WEB_ENABLED");
        // a chart that creates the auth Secret needs the client's secret for it
        assertThatThrownBy(() -> Chart.render(Map.of("auth.existingSecret", "", "auth.adminToken", "a", "auth.internalToken", "i",
                "auth.reviewerOidc.enabled", true, "auth.reviewerOidc.authServerUrl", "https://x",
                "auth.reviewerOidc.webClientId", "c"))).hasMessageContaining("webClientSecret");
    }

    private static Map<String, String> intakeEnv(Map<String, Object> values) {
        return env("intake", values);
    }

    private static Map<String, String> env(String service, Map<String, Object> values) {
        Deployment intake = of(Chart.objects(Chart.render(values)), Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().endsWith(service)).findFirst().orElseThrow();
        return intake.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    /** deploy/manifests/nianbao.yaml is the chart rendered with its defaults (regenerate: -Dnianbao.updateManifests=true). */
    @Test
    void thePlainManifestsMatchTheChart() throws Exception {
        String rendered = Chart.render(Map.of());
        if (Boolean.getBoolean("nianbao.updateManifests")) {
            Files.writeString(MANIFESTS, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(MANIFESTS, StandardCharsets.UTF_8))
                .as("deploy/manifests/nianbao.yaml is out of date: run ./mvnw -pl tools/chart-tests test -Dnianbao.updateManifests=true")
                .isEqualTo(rendered);
    }

    private static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    private static List<GenericKubernetesResource> generic(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> o.getKind().equals(kind)).map(o -> (GenericKubernetesResource) o).toList();
    }

    private static List<String> kinds(List<HasMetadata> objects) {
        return objects.stream().map(HasMetadata::getKind).distinct().toList();
    }
}
