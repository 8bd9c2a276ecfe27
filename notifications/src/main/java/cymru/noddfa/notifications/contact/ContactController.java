package cymru.noddfa.notifications.contact;

import java.net.URI;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/contacts")
record ContactController(ContactRepository contacts, Clock clock) {

	@PostMapping
	ResponseEntity<Contact> add(@Valid @RequestBody NewContact request) {
		Contact contact = new Contact(UUID.randomUUID(), request.name(), request.role(), request.regionCode(),
				request.provisionId(), (request.rotaPosition() != null) ? request.rotaPosition() : 1,
				request.channels().stream().map((c) -> new Contact.Reach(c.channel(), c.address().trim())).toList(),
				(request.quietHours() != null) ? new QuietHours(request.quietHours().from(), request.quietHours().to())
						: null,
				this.clock.instant());
		this.contacts.add(contact);
		return ResponseEntity.created(URI.create("/v1/contacts/" + contact.id())).body(contact);
	}

	@GetMapping("/{id}")
	Contact contact(@PathVariable UUID id, Caller caller) {
		Contact contact = this.contacts.find(id).orElseThrow(() -> new ContactNotFound(id));
		if (!contact.readableBy(caller)) {
			throw new AccessRefused("region's contact");
		}
		return contact;
	}

	/**
	 * An admin lists any region's contacts (every region's when none is named); a crisis
	 * team its own region's, whether it names it or not.
	 */
	@GetMapping
	List<Contact> contacts(@RequestParam(required = false) @Pattern(regexp = "[A-Z]{2,8}") String region,
			@RequestParam(required = false) Role role, Caller caller) {
		String listed = region;
		if (!caller.isAdmin()) {
			listed = (region != null) ? region : caller.region();
			if (!caller.isCrisisTeamOf(listed)) {
				throw new AccessRefused("region's contacts");
			}
		}
		return this.contacts.list(listed, role);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		if (!this.contacts.remove(id)) {
			throw new ContactNotFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param provisionId required for provider duty contacts
	 * @param rotaPosition place in the rota, 1 when omitted
	 * @param channels ways to reach the person, most preferred first
	 * @param quietHours local hours in which only alerts needing action are sent
	 */
	record NewContact(@NotBlank @Size(max = 200) String name, @NotNull Role role,
			@NotNull @Pattern(regexp = "[A-Z]{2,8}") String regionCode,
			@Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+") String provisionId, @Min(1) Integer rotaPosition,
			@NotEmpty @Size(max = 5) List<@Valid @NotNull NewChannel> channels, @Valid NewQuietHours quietHours) {

		@jakarta.validation.constraints.AssertTrue(message = "{contact.provision-required}")
		boolean isProvisionId() {
			return this.role != Role.PROVIDER || this.provisionId != null;
		}

	}

	/** Local (Europe/London) times, e.g. 22:00 to 07:00. */
	record NewQuietHours(@NotNull LocalTime from, @NotNull LocalTime to) {

		@jakarta.validation.constraints.AssertTrue(message = "{contact.quiet-hours-empty}")
		boolean isTo() {
			return this.from == null || this.to == null || !this.from.equals(this.to);
		}

	}

	/** An email address or an international phone number, as the channel needs. */
	record NewChannel(@NotNull ContactChannel channel, @NotBlank @Size(max = 320) String address) {

		@jakarta.validation.constraints.AssertTrue(message = "{contact.address-invalid}")
		boolean isAddress() {
			if (this.channel == null || this.address == null) {
				return true;
			}
			return switch (this.channel) {
				case EMAIL -> this.address.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
				case SMS -> this.address.trim().matches("\\+?[0-9 ]{7,20}");
			};
		}

	}

}
