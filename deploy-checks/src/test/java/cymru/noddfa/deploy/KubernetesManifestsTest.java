package cymru.noddfa.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 1: every Kustomize overlay, rendered as {@code kubectl kustomize} renders
 * it, runs each service as its own module describes it, safely (three probes on Actuator,
 * requests and limits, non-root, read-only, no capabilities, a disruption budget and an
 * autoscaler) and fenced in (only the gateway reachable from outside; each service
 * reaching only its own datastores, Kafka and the identity provider).
 */
class KubernetesManifestsTest {

	static final List<String> overlays = List.of("dev", "prod");

	private static final Map<String, Manifests> rendered = new ConcurrentHashMap<>();

	@ParameterizedTest
	@FieldSource("overlays")
	void every_service_has_a_deployment_from_its_own_image(String overlay) {
		Manifests manifests = manifests(overlay);
		assertThat(manifests.ofKind("Deployment")).extracting(Manifests::name)
			.containsExactlyInAnyOrderElementsOf(overlay.equals("dev") ? ServiceModule.IMAGES : ServiceModule.NAMES);
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			Map<String, Object> container = Manifests.container(deployment);
			String image = Yaml.string(container, "image");
			String repository = image.substring(0, image.lastIndexOf(':'));
			assertThat(repository).as(image).endsWith("noddfa/" + Manifests.name(deployment));
			assertThat(Yaml.string(container, "name")).isEqualTo(Manifests.name(deployment));
			ServiceModule module = ServiceModule.named(Manifests.name(deployment));
			assertThat(module.imageDefinition()).contains("EXPOSE " + module.port());
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void every_deployment_has_startup_liveness_and_readiness_probes_on_actuator_health(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> deployment : manifests(overlay).ofKind("Deployment")) {
			ServiceModule module = ServiceModule.named(Manifests.name(deployment));
			Map<String, Object> container = Manifests.container(deployment);
			assertThat(Yaml.list(container, "ports")).singleElement()
				.satisfies((port) -> assertThat(Yaml.at(port, "containerPort")).isEqualTo(module.port()))
				.satisfies((port) -> assertThat(Yaml.string(port, "name")).isEqualTo("http"));
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				String path = Yaml.string(container, probe, "httpGet", "path");
				softly.assertThat(path).as("%s of %s", probe, module).isNotNull();
				softly.assertThat(module.healthPaths()).as("%s of %s", probe, module).contains(path);
				softly.assertThat(Yaml.string(container, probe, "httpGet", "port"))
					.as("%s of %s", probe, module)
					.isEqualTo("http");
			}
			softly.assertThat(Yaml.string(container, "livenessProbe", "httpGet", "path"))
				.isEqualTo("/actuator/health/liveness");
			softly.assertThat(Yaml.string(container, "readinessProbe", "httpGet", "path"))
				.isEqualTo("/actuator/health/readiness");
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void the_gateway_reaches_each_service_by_name_on_its_configured_port(String overlay) {
		Manifests manifests = manifests(overlay);
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			ServiceModule module = ServiceModule.named(Manifests.name(deployment));
			Map<String, Object> service = manifests.named("Service", module.name());
			assertThat(Yaml.list(service, "spec", "ports")).singleElement()
				.satisfies((port) -> assertThat(Yaml.at(port, "port")).isEqualTo(module.port()))
				.satisfies((port) -> assertThat(Yaml.string(port, "targetPort")).isEqualTo("http"));
		}
		Map<String, String> routes = new java.util.HashMap<>();
		Yaml.list(Manifests.container(manifests.named("Deployment", "gateway")), "env")
			.forEach((v) -> routes.put(Yaml.string(v, "name"), Yaml.string(v, "value")));
		assertThat(routes)
			.containsEntry("NODDFA_GATEWAY_REGISTRYURI",
					"http://bed-registry:" + ServiceModule.named("bed-registry").port())
			.containsEntry("NODDFA_GATEWAY_MATCHINGURI",
					"http://placement-matcher:" + ServiceModule.named("placement-matcher").port())
			.containsEntry("NODDFA_GATEWAY_NOTIFICATIONSURI",
					"http://notifications:" + ServiceModule.named("notifications").port())
			.containsEntry("NODDFA_GATEWAY_PANELSURI", "http://panels:" + ServiceModule.named("panels").port());
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void every_container_has_cpu_and_memory_requests_and_limits(String overlay) {
		for (Map<String, Object> deployment : manifests(overlay).ofKind("Deployment")) {
			Map<String, Object> resources = Yaml.map(Manifests.container(deployment), "resources");
			for (String kind : List.of("requests", "limits")) {
				assertThat(Yaml.map(resources, kind)).as("%s of %s", kind, Manifests.name(deployment))
					.containsKeys("cpu", "memory");
			}
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void every_pod_runs_as_non_root_read_only_and_without_capabilities(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> deployment : manifests(overlay).ofKind("Deployment")) {
			String name = Manifests.name(deployment);
			Map<String, Object> pod = Yaml.map(deployment, "spec", "template", "spec");
			Map<String, Object> container = Manifests.container(deployment);
			softly.assertThat(Yaml.at(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
			softly.assertThat(Yaml.at(container, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
			softly.assertThat((Integer) Yaml.at(container, "securityContext", "runAsUser")).as(name).isPositive();
			softly.assertThat(Yaml.at(container, "securityContext", "readOnlyRootFilesystem")).as(name).isEqualTo(true);
			softly.assertThat(Yaml.at(container, "securityContext", "allowPrivilegeEscalation"))
				.as(name)
				.isEqualTo(false);
			softly.assertThat(Yaml.list(container, "securityContext", "capabilities", "drop"))
				.as(name)
				.containsExactly("ALL");
			softly.assertThat(Yaml.list(container, "securityContext", "capabilities", "add")).as(name).isEmpty();
			softly.assertThat(Yaml.string(pod, "securityContext", "seccompProfile", "type"))
				.as(name)
				.isEqualTo("RuntimeDefault");
			softly.assertThat(Yaml.at(pod, "automountServiceAccountToken")).as(name).isEqualTo(false);
			// a read-only root needs somewhere to write: /tmp, and nowhere else
			softly.assertThat(Yaml.list(container, "volumeMounts"))
				.as(name)
				.singleElement()
				.satisfies((mount) -> assertThat(Yaml.string(mount, "mountPath")).isEqualTo("/tmp"));
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void every_deployment_has_a_disruption_budget_and_an_autoscaler_that_owns_its_replicas(String overlay) {
		Manifests manifests = manifests(overlay);
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			String name = Manifests.name(deployment);
			Map<String, Object> labels = Yaml.map(deployment, "spec", "template", "metadata", "labels");
			List<Map<String, Object>> budgets = manifests.ofKind("PodDisruptionBudget")
				.stream()
				.filter((budget) -> Manifests.selects(Yaml.map(budget, "spec", "selector"), labels))
				.toList();
			assertThat(budgets).as("PodDisruptionBudget for %s", name).hasSize(1);
			Map<String, Object> budget = Yaml.map(budgets.getFirst(), "spec");
			List<Map<String, Object>> scalers = manifests.ofKind("HorizontalPodAutoscaler")
				.stream()
				.filter((scaler) -> name.equals(Yaml.string(scaler, "spec", "scaleTargetRef", "name"))
						&& "Deployment".equals(Yaml.string(scaler, "spec", "scaleTargetRef", "kind")))
				.toList();
			assertThat(scalers).as("HorizontalPodAutoscaler for %s", name).hasSize(1);
			int minReplicas = (Integer) Yaml.at(scalers.getFirst(), "spec", "minReplicas");
			assertThat((Integer) Yaml.at(scalers.getFirst(), "spec", "maxReplicas"))
				.isGreaterThanOrEqualTo(minReplicas);
			// a node drain must be able to evict one pod, or it blocks forever
			if (budget.get("minAvailable") instanceof Integer minAvailable) {
				assertThat(minAvailable).as("minAvailable of %s", name).isLessThan(minReplicas);
			}
			else {
				assertThat((Integer) budget.get("maxUnavailable")).as("maxUnavailable of %s", name).isPositive();
			}
			assertThat(Yaml.map(deployment, "spec")).as("%s leaves its replica count to the autoscaler", name)
				.doesNotContainKey("replicas");
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void every_variable_a_container_is_given_is_a_setting_its_service_reads(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> deployment : manifests(overlay).ofKind("Deployment")) {
			String name = Manifests.name(deployment);
			DeclaredProperties declared = ServiceModule.named(name).declaredProperties();
			for (Object variable : Yaml.list(Manifests.container(deployment), "env")) {
				String env = Yaml.string(variable, "name");
				softly.assertThat(declared.declares(env)).as("%s given to %s in %s", env, name, overlay).isTrue();
			}
			softly.assertThat(Yaml.list(Manifests.container(deployment), "envFrom"))
				.as("envFrom hides names from review; name each variable")
				.isEmpty();
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void every_config_map_reference_names_a_key_that_exists_and_secrets_are_only_referenced(String overlay) {
		Manifests manifests = manifests(overlay);
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			for (Object variable : Yaml.list(Manifests.container(deployment), "env")) {
				Map<String, Object> configMapRef = Yaml.map(variable, "valueFrom", "configMapKeyRef");
				if (!configMapRef.isEmpty()) {
					Map<String, Object> configMap = manifests.named("ConfigMap", Yaml.string(configMapRef, "name"));
					assertThat(Yaml.map(configMap, "data")).as("%s in %s", configMapRef, Manifests.name(deployment))
						.containsKey(Yaml.string(configMapRef, "key"));
				}
				assertThat(Yaml.string(variable, "value")).as(Yaml.string(variable, "name"))
					.satisfiesAnyOf((value) -> assertThat(value).isNull(),
							(value) -> assertThat(Yaml.string(variable, "name")).doesNotContain("PASSWORD", "SECRET",
									"KEY", "TOKEN"));
			}
		}
		assertThat(manifests.ofKind("Secret")).as("secrets are created by the cluster's operator, never shipped")
			.isEmpty();
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void network_policies_deny_by_default_and_cover_every_pod(String overlay) {
		Manifests manifests = manifests(overlay);
		assertThat(manifests.ofKind("NetworkPolicy")).anySatisfy((policy) -> {
			assertThat(Yaml.map(policy, "spec", "podSelector")).isEmpty();
			assertThat(Yaml.list(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
			assertThat(Yaml.list(policy, "spec", "ingress")).isEmpty();
			assertThat(Yaml.list(policy, "spec", "egress")).isEmpty();
		});
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			List<Map<String, Object>> own = manifests.policiesFor(deployment);
			assertThat(own).as("policies allowing %s anything", Manifests.name(deployment))
				.anySatisfy((policy) -> assertThat(Yaml.list(policy, "spec", "ingress")).isNotEmpty());
			if (Manifests.name(deployment).equals(ServiceModule.DEV_IDENTITY)) {
				// it answers, and calls nothing
				assertThat(own).as("policies letting %s call out", Manifests.name(deployment))
					.allSatisfy((policy) -> assertThat(Yaml.list(policy, "spec", "egress")).isEmpty());
			}
			else {
				assertThat(own).as("policies letting %s call out", Manifests.name(deployment))
					.anySatisfy((policy) -> assertThat(Yaml.list(policy, "spec", "egress")).isNotEmpty());
			}
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void only_the_gateway_is_reachable_from_outside(String overlay) {
		Manifests manifests = manifests(overlay);
		assertThat(manifests.ofKind("Service"))
			.allSatisfy((service) -> assertThat(Yaml.string(service, "spec", "type")).isEqualTo("ClusterIP"));
		if (overlay.equals("dev")) {
			// the development issuer signs anyone in: nothing of this overlay is on the
			// network, people use a port-forward
			assertThat(manifests.ofKind("Ingress")).isEmpty();
		}
		else {
			assertThat(manifests.ofKind("Ingress")).flatMap((ingress) -> Yaml.list(ingress, "spec", "rules"))
				.flatMap((rule) -> Yaml.list(rule, "http", "paths"))
				.extracting((path) -> Yaml.string(path, "backend", "service", "name"))
				.containsOnly("gateway");
		}
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			Set<String> from = new HashSet<>();
			for (Map<String, Object> policy : manifests.policiesFor(deployment)) {
				for (Object rule : Yaml.list(policy, "spec", "ingress")) {
					for (Object peer : Yaml.list(rule, "from")) {
						from.add(Manifests.describe(peer));
					}
				}
			}
			if (Manifests.name(deployment).equals("gateway")) {
				assertThat(from).contains("namespace ingress-nginx");
			}
			else if (Manifests.name(deployment).equals(ServiceModule.DEV_IDENTITY)) {
				assertThat(from).as("who may call %s", Manifests.name(deployment))
					.containsExactly("pods " + ServiceModule.NAMES);
			}
			else {
				assertThat(from).as("who may call %s", Manifests.name(deployment))
					.containsExactlyInAnyOrder("pods gateway", "namespace monitoring");
			}
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void each_service_reaches_only_the_datastores_it_is_configured_for(String overlay) {
		Manifests manifests = manifests(overlay);
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			Set<String> env = new HashSet<>();
			Yaml.list(Manifests.container(deployment), "env").forEach((v) -> env.add(Yaml.string(v, "name")));
			Set<String> needed = new HashSet<>();
			if (env.contains("SPRING_KAFKA_BOOTSTRAPSERVERS")) {
				needed.add("namespace kafka");
			}
			if (env.contains("SPRING_DATASOURCE_URL")) {
				needed.add("namespace postgres");
			}
			if (env.contains("SPRING_DATA_REDIS_HOST")) {
				needed.add("namespace redis");
			}
			Set<String> reached = new HashSet<>();
			for (Map<String, Object> policy : manifests.policiesFor(deployment)) {
				for (Object rule : Yaml.list(policy, "spec", "egress")) {
					for (Object peer : Yaml.list(rule, "to")) {
						String described = Manifests.describe(peer);
						if (List.of("namespace kafka", "namespace postgres", "namespace redis").contains(described)) {
							reached.add(described);
						}
					}
				}
			}
			assertThat(reached).as("datastores %s may reach", Manifests.name(deployment))
				.containsExactlyInAnyOrderElementsOf(needed);
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void topics_are_declared_for_the_operator_with_state_compacted(String overlay) {
		Manifests manifests = manifests(overlay);
		List<Map<String, Object>> topics = manifests.ofKind("KafkaTopic");
		assertThat(topics).extracting((topic) -> Yaml.string(topic, "spec", "topicName"))
			.contains("registry.provision-state.v1", "matching.referral-events.v1", "notifications.delivery-events.v1",
					"panels.case-events.v1");
		for (Map<String, Object> topic : topics) {
			String name = Yaml.string(topic, "spec", "topicName");
			assertThat(Yaml.string(topic, "metadata", "labels", "strimzi.io/cluster")).isNotBlank();
			assertThat(Yaml.at(topic, "spec", "partitions")).as(name).isEqualTo(3);
			assertThat(Yaml.string(topic, "spec", "config", "cleanup.policy")).as(name)
				.isEqualTo(name.equals("registry.provision-state.v1") ? "compact" : "delete");
			if (overlay.equals("prod")) {
				assertThat(Yaml.at(topic, "spec", "replicas")).as(name).isEqualTo(3);
				assertThat(Yaml.string(topic, "spec", "config", "min.insync.replicas")).as(name).isEqualTo("2");
			}
		}
		// the services declare the topics too: with the same number of copies, or not at
		// all
		for (String service : List.of("bed-registry", "placement-matcher")) {
			Object replicas = manifests.ofKind("Deployment")
				.stream()
				.filter((deployment) -> Manifests.name(deployment).equals(service))
				.flatMap((deployment) -> Yaml.list(Manifests.container(deployment), "env").stream())
				.filter((v) -> Objects.requireNonNull(Yaml.string(v, "name")).endsWith("_REPLICAS"))
				.map((v) -> Yaml.string(v, "value"))
				.findFirst()
				.orElse(null);
			assertThat(replicas).as("topic copies %s declares", service)
				.isEqualTo(String.valueOf(Yaml.at(topics.getFirst(), "spec", "replicas")));
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void the_services_and_the_gateway_trust_one_issuer(String overlay) {
		Manifests manifests = manifests(overlay);
		Map<String, Object> endpoints = Yaml.map(manifests.named("ConfigMap", "noddfa-endpoints"), "data");
		assertThat(endpoints.get("security.issuer")).asString().isNotBlank();
		assertThat(endpoints.get("security.jwk-set-uri")).asString().isNotBlank();
		Map<String, Object> gateway = manifests.named("Deployment", "gateway");
		boolean developmentIssuer = Yaml.list(Manifests.container(gateway), "env")
			.stream()
			.anyMatch((v) -> "SPRING_PROFILES_ACTIVE".equals(Yaml.string(v, "name"))
					&& "local".equals(Yaml.string(v, "value")));
		if (overlay.equals("prod")) {
			assertThat(developmentIssuer).as("no development issuer in production").isFalse();
			assertThat(endpoints.get("security.issuer")).asString().startsWith("https://");
			assertThat(endpoints.get("security.jwk-set-uri")).asString().startsWith("https://");
		}
		else {
			ServiceModule identity = ServiceModule.named(ServiceModule.DEV_IDENTITY);
			String issuer = String
				.valueOf(identity.setting("spring.security.oauth2.authorizationserver.issuer").orElseThrow())
				.replace("${server.port}", String.valueOf(identity.port()));
			String inside = "http://" + ServiceModule.DEV_IDENTITY + ":" + identity.port();
			assertThat(developmentIssuer).isTrue();
			assertThat(ServiceModule.named("gateway").localSetting("noddfa.gateway.security.issuer"))
				.contains("${noddfa.dev-identity-uri}");
			// the issuer as the browser sees it through the port-forward; the keys inside
			assertThat(endpoints).containsEntry("security.issuer", issuer)
				.containsEntry("security.jwk-set-uri", inside + "/oauth2/jwks")
				.containsEntry("gateway.security.jwk-set-uri", inside + "/oauth2/jwks")
				.containsEntry("gateway.dev-auth.uri", inside);
			assertThat(references(Manifests.container(manifests.named("Deployment", ServiceModule.DEV_IDENTITY))))
				.containsEntry("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", "security.issuer");
			Map<String, Object> signIn = environment(Manifests.container(gateway));
			Map<String, String> gatewayReferences = references(Manifests.container(gateway));
			String provider = String.valueOf(signIn.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_NODDFA_PROVIDER"));
			String prefix = "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_" + DeclaredProperties.environmentName(provider)
					+ "_";
			assertThat(gatewayReferences).containsEntry("NODDFA_DEVIDENTITYURI", "security.issuer")
				.containsEntry("NODDFA_GATEWAY_DEVAUTH_URI", "gateway.dev-auth.uri")
				.containsEntry(prefix + "JWKSETURI", "gateway.security.jwk-set-uri");
			assertThat(endpoints.get(gatewayReferences.get(prefix + "AUTHORIZATIONURI")))
				.isEqualTo(issuer + "/oauth2/authorize");
			assertThat(endpoints.get(gatewayReferences.get(prefix + "TOKENURI"))).isEqualTo(inside + "/oauth2/token");
			assertThat(signIn).doesNotContainKey(prefix + "ISSUERURI");
			Map<String, String> provided = references(
					Manifests.container(manifests.named("Deployment", ServiceModule.DEV_IDENTITY)));
			assertThat(provided).containsKey("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER");
			assertThat(environment(Manifests.container(manifests.named("Deployment", ServiceModule.DEV_IDENTITY))))
				.containsEntry("NODDFA_DEVIDENTITY_ALLOWNONLOOPBACK", "true");
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void the_development_identity_provider_runs_only_in_the_dev_overlay(String overlay) {
		boolean present = manifests(overlay).ofKind("Deployment")
			.stream()
			.anyMatch((deployment) -> Manifests.name(deployment).equals(ServiceModule.DEV_IDENTITY));
		assertThat(present).isEqualTo(overlay.equals("dev"));
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void public_egress_excludes_private_shared_and_link_local_addresses(String overlay) {
		Manifests manifests = manifests(overlay);
		List<Object> publicPeers = new java.util.ArrayList<>();
		for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
			for (Object rule : Yaml.list(policy, "spec", "egress")) {
				for (Object peer : Yaml.list(rule, "to")) {
					if ("0.0.0.0/0".equals(Yaml.string(peer, "ipBlock", "cidr"))) {
						publicPeers.add(peer);
					}
				}
			}
		}
		Map<String, Object> notifications = manifests.named("NetworkPolicy", "notifications");
		assertThat(Yaml.list(notifications, "spec", "egress")).flatMap((rule) -> Yaml.list(rule, "to"))
			.anySatisfy((peer) -> assertThat(Yaml.string(peer, "ipBlock", "cidr")).isEqualTo("0.0.0.0/0"));
		// the ranges WebhookAddressPolicy refuses: the cloud metadata service lives at
		// 169.254.169.254, and carrier-grade NAT space is as internal as 10/8
		assertThat(publicPeers).isNotEmpty()
			.allSatisfy((peer) -> assertThat(Yaml.list(peer, "ipBlock", "except")).contains("10.0.0.0/8",
					"172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10"));
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void kafka_clients_take_their_protocol_and_sasl_credentials_from_configuration(String overlay) {
		Manifests manifests = manifests(overlay);
		Map<String, Object> endpoints = Yaml.map(manifests.named("ConfigMap", "noddfa-endpoints"), "data");
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			Map<String, Object> container = Manifests.container(deployment);
			if (!environment(container).containsKey("SPRING_KAFKA_BOOTSTRAPSERVERS")) {
				continue;
			}
			String name = Manifests.name(deployment);
			assertThat(references(container)).as(name)
				.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "kafka.security-protocol")
				.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "kafka.sasl-mechanism");
			assertThat(secretReference(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).as(name)
				.isEqualTo("noddfa-kafka");
		}
		if (overlay.equals("prod")) {
			assertThat(endpoints.get("kafka.security-protocol")).isEqualTo("SASL_SSL");
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void every_redis_connection_takes_a_password_and_tls_from_configuration(String overlay) {
		Manifests manifests = manifests(overlay);
		Map<String, Object> endpoints = Yaml.map(manifests.named("ConfigMap", "noddfa-endpoints"), "data");
		for (String service : List.of("gateway", "placement-matcher")) {
			Map<String, Object> container = Manifests.container(manifests.named("Deployment", service));
			assertThat(references(container)).as(service)
				.containsEntry("SPRING_DATA_REDIS_SSL_ENABLED", "redis.ssl-enabled");
			assertThat(secretReference(container, "SPRING_DATA_REDIS_PASSWORD")).as(service).isEqualTo("noddfa-redis");
		}
		if (overlay.equals("prod")) {
			assertThat(endpoints.get("redis.ssl-enabled")).isEqualTo("true");
		}
	}

	/** Each variable given a value in place. */
	private static Map<String, Object> environment(Map<String, Object> container) {
		Map<String, Object> environment = new java.util.LinkedHashMap<>();
		Yaml.list(container, "env").forEach((v) -> environment.put(Yaml.string(v, "name"), Yaml.at(v, "value")));
		return environment;
	}

	/** Each variable taken from the ConfigMap, with the key it names. */
	private static Map<String, String> references(Map<String, Object> container) {
		Map<String, String> references = new java.util.LinkedHashMap<>();
		for (Object variable : Yaml.list(container, "env")) {
			String key = Yaml.string(variable, "valueFrom", "configMapKeyRef", "key");
			if (key != null) {
				references.put(Yaml.string(variable, "name"), key);
			}
		}
		return references;
	}

	/** The Secret a variable is read from, or null. */
	private static String secretReference(Map<String, Object> container, String variable) {
		return Yaml.list(container, "env")
			.stream()
			.filter((v) -> variable.equals(Yaml.string(v, "name")))
			.map((v) -> Yaml.string(v, "valueFrom", "secretKeyRef", "name"))
			.findFirst()
			.orElse(null);
	}

	private static Manifests manifests(String overlay) {
		return rendered.computeIfAbsent(overlay, (name) -> new Manifests(
				Yaml.documents(Tools.kustomize(ServiceModule.root().resolve("k8s/overlays").resolve(name)))));
	}

}
