package cymru.noddfa.notifications.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;
import cymru.noddfa.notifications.webhook.WebhookProperties;
import cymru.noddfa.notifications.webhook.WebhookAddressPolicy;
import cymru.noddfa.notifications.webhook.WebhookSignature;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/subscriptions")
class SubscriptionController {

	private final SubscriptionRepository subscriptions;

	private final ProvisionOwnerRepository owners;

	private final WebhookAddressPolicy policy;

	private final Clock clock;

	SubscriptionController(SubscriptionRepository subscriptions, ProvisionOwnerRepository owners,
			WebhookProperties webhooks, Clock clock) {
		this.subscriptions = subscriptions;
		this.owners = owners;
		this.policy = webhooks.policy();
		this.clock = clock;
	}

	/** A subscription in the caller's own tenant (any, for an admin). */
	@PostMapping
	ResponseEntity<SubscriptionView> subscribe(@Valid @RequestBody NewSubscription request, Caller caller) {
		Subscription subscription = Subscription.requestedBy(caller, request.regionCode(), request.provisionId(),
				request.providerId(), this.owners.providerOf(request.provisionId()).orElse(null),
				(request.eventTypes() != null) ? request.eventTypes() : Set.of(), request.channel(), request.url(),
				WebhookSignature.newSecret(), this.clock.instant());
		this.policy.check(request.url());
		this.subscriptions.add(subscription);
		return ResponseEntity.created(URI.create("/v1/subscriptions/" + subscription.id()))
			.body(SubscriptionView.withSecret(subscription));
	}

	@GetMapping("/{id}")
	SubscriptionView subscription(@PathVariable UUID id, Caller caller) {
		return SubscriptionView.of(owned(id, caller));
	}

	/** The caller's tenant's subscriptions (every one, for an admin). */
	@GetMapping
	List<SubscriptionView> subscriptions(Caller caller) {
		return this.subscriptions.all()
			.stream()
			.filter((subscription) -> subscription.belongsTo(caller))
			.map(SubscriptionView::of)
			.toList();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable UUID id, Caller caller) {
		owned(id, caller);
		if (!this.subscriptions.remove(id)) {
			throw new SubscriptionNotFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	private Subscription owned(UUID id, Caller caller) {
		Subscription subscription = this.subscriptions.find(id).orElseThrow(() -> new SubscriptionNotFound(id));
		if (!subscription.belongsTo(caller)) {
			throw new AccessRefused("subscription");
		}
		return subscription;
	}

	/**
	 * @param regionCode omitted for every region (an admin's) or the caller's region (a
	 * crisis team's or panel's)
	 * @param provisionId omitted for every provision
	 * @param providerId whose subscription it is: a provider's own, taken from its token
	 * when omitted; only admins name another
	 * @param eventTypes omitted or empty for every type
	 */
	record NewSubscription(@Pattern(regexp = "[A-Z]{2,8}") String regionCode,
			@Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+") String provisionId,
			@Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+") String providerId, Set<@NotNull EventType> eventTypes,
			@NotNull Channel channel, @NotBlank @Size(max = 2048) String url) {
	}

	/** The secret appears only in the answer to the request that made it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SubscriptionView(UUID id, String regionCode, String provisionId, String providerId,
			List<EventType> eventTypes, Channel channel, String url, Instant createdAt, String secret) {

		static SubscriptionView of(Subscription s) {
			return new SubscriptionView(s.id(), s.regionCode(), s.provisionId(), s.providerId(),
					s.eventTypes().stream().sorted().toList(), s.channel(), s.url(), s.createdAt(), null);
		}

		static SubscriptionView withSecret(Subscription s) {
			SubscriptionView view = of(s);
			return new SubscriptionView(view.id(), view.regionCode(), view.provisionId(), view.providerId(),
					view.eventTypes(), view.channel(), view.url(), view.createdAt(), s.secret());
		}

	}

}
