package cymru.noddfa.registry.provision;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.registry.RegistryProperties;
import cymru.noddfa.registry.provision.Provision.VacancyCount;
import cymru.noddfa.registry.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Providers keep their provisions and vacancies true. Writes answer with the provision's
 * whole new state and its version as the ETag; {@code If-Match} guards against lost
 * updates and {@code Idempotency-Key} makes a retry safe. Who may call what is in
 * {@link ProvisionAccessConfiguration}; whether a provider keeps the provision it names
 * is asked of the stored provision, under its row lock, and the history records the
 * token's subject as the actor.
 */
@RestController
@RequestMapping(path = "/v1/provisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "provisions", description = "Provisions, their vacancies per bed type, status and history")
@RequiredArgsConstructor
class ProvisionController {

	private static final String IDEMPOTENCY_KEY = ProvisionWrites.IDEMPOTENCY_KEY;

	private static final String KEEPER = "Admins, or staff of the provider the stored provision belongs to "
			+ "(403 for anyone else).";

	private static final String PROVISION_EXAMPLE = """
			{"id": "bridgend-hub", "providerId": "ctm-partnership", "name": "Bridgend Integrated Residential Hub",
			 "kind": "CRISIS_UNIT", "regionCode": "CTM", "localAuthority": "Bridgend",
			 "location": {"lat": 51.51, "lon": -3.59}, "ageRange": {"min": 11, "max": 17}, "accepts": "ANY",
			 "needsMet": ["MH_CRISIS", "SELF_HARM"], "exclusions": [],
			 "admissions": {"always": false, "windows": [{"from": "18:00", "to": "08:00"}]},
			 "stalenessWindowHours": 12, "vacancies": [{"bedType": "CRISIS", "total": 3, "available": 1}]}
			""";

	private final ProvisionStore provisions;

	private final ProvisionWrites writes;

	private final ReferenceData reference;

	private final RegistryProperties properties;

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a provision, optionally with its vacancies",
			description = "Admins (the provision is OPEN at once), or staff of the provider the body's providerId "
					+ "names (403 for another provider): then it is PENDING_APPROVAL, unpublished and unsearchable, "
					+ "until an admin approves it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = PROVISION_EXAMPLE))))
	@ApiResponse(responseCode = "201", description = "Created; Location and ETag headers",
			content = @Content(schema = @Schema(implementation = ProvisionState.class)))
	ResponseEntity<String> create(@RequestBody ProvisionRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller,
			HttpServletRequest http) {
		return this.writes.once(caller, key, http, null, request, () -> {
			ProvisionDetails details = request.details(this.reference, this.properties.defaultStalenessWindowHours());
			details.requireKeeper(caller);
			List<VacancyCount> vacancies = request.vacancyCounts();
			ProvisionId id = (request.id() != null) ? new ProvisionId(request.id()) : ProvisionId.generate();
			ProvisionStore.Written created = this.provisions.create(
					Provision.create(id, details, vacancies, caller.subject(), caller.isAdmin(), ProvisionStore.now()));
			URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{id}")
				.buildAndExpand(id.value())
				.toUri();
			return this.writes.answer(201, created, location.toString());
		});
	}

	@GetMapping
	@Operation(summary = "List provisions, filtered and paged, ordered by id",
			description = "Any role: everyone in a role sees availability everywhere.")
	ProvisionPage list(@RequestParam(required = false) String region,
			@RequestParam(required = false) ProvisionKind kind, @RequestParam(required = false) BedType bedType,
			@Parameter(description = "need codes that must all be met") @RequestParam(
					required = false) List<String> need,
			@RequestParam(required = false) String providerId, @RequestParam(required = false) ProvisionStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (region != null && !this.reference.isRegion(region)) {
			throw new InvalidValue("region", "unknown-region", region);
		}
		List<String> needs = (need != null) ? need : List.of();
		for (String code : needs) {
			if (!this.reference.isNeed(code)) {
				throw new InvalidValue("need", "unknown-need", code);
			}
		}
		checkPage(page, size);
		return this.provisions.list(new ProvisionFilter(region, kind, bedType, needs, providerId, status), page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One provision with its vacancies; the ETag is its version",
			description = "Any role. With If-None-Match set to the ETag held, answers 304 while nothing changed.")
	ResponseEntity<ProvisionState> get(@PathVariable String id, WebRequest request) {
		Provision provision = this.provisions.find(id).orElseThrow(() -> new ProvisionNotFound(id));
		if (request.checkNotModified(ProvisionWrites.etag(provision.version()))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(ProvisionWrites.etag(provision.version()))
				.build();
		}
		return ResponseEntity.ok().eTag(ProvisionWrites.etag(provision.version())).body(ProvisionState.of(provision));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a provision's description (and, if given, vacancies); needs If-Match",
			description = KEEPER + " A provider cannot move a provision to another providerId (403).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = PROVISION_EXAMPLE))))
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProvisionState.class)))
	ResponseEntity<String> update(@PathVariable String id, @RequestBody ProvisionRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller,
			HttpServletRequest http) {
		long expected = ProvisionWrites.requiredVersion(ifMatch);
		return this.writes.once(caller, key, http, ifMatch, request, () -> {
			if (request.id() != null && !request.id().equals(id)) {
				throw new InvalidValue("id", "id-mismatch", request.id());
			}
			ProvisionDetails details = request.details(this.reference, this.properties.defaultStalenessWindowHours());
			List<VacancyCount> vacancies = request.vacancyCounts();
			return this.writes.answer(200, this.provisions.change(id, caller, expected, (provision, at) -> {
				// a provider keeps its provisions; it cannot hand one to another provider
				details.requireKeeper(caller);
				provision.update(details, vacancies, caller.subject(), at);
			}), null);
		});
	}

	@PutMapping(path = "/{id}/vacancies/{bedType}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the total and available beds of one type; needs If-Match", description = KEEPER,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = "{\"total\": 3, \"available\": 1}"))))
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProvisionState.class)))
	@ApiResponse(responseCode = "412", description = "Stale If-Match; the body's 'current' is the current state")
	@ApiResponse(responseCode = "428", description = "If-Match missing")
	ResponseEntity<String> setVacancy(@PathVariable String id, @PathVariable BedType bedType,
			@RequestBody VacancyRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller,
			HttpServletRequest http) {
		long expected = ProvisionWrites.requiredVersion(ifMatch);
		return this.writes.once(caller, key, http, ifMatch, request, () -> {
			int total = request.validTotal();
			int available = request.validAvailable();
			return this.writes.answer(200,
					this.provisions.change(id, caller, expected,
							(provision, at) -> provision.setVacancy(bedType, total, available, caller.subject(), at)),
					null);
		});
	}

	@PostMapping("/{id}/confirmations")
	@Operation(summary = "Still accurate: confirm one bed type's counts (or all) without changing them",
			description = KEEPER,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(examples = @ExampleObject(value = "{\"bedType\": \"CRISIS\"}"))))
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProvisionState.class)))
	ResponseEntity<String> confirm(@PathVariable String id, @RequestBody(required = false) ConfirmationRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller,
			HttpServletRequest http) {
		ConfirmationRequest confirmation = (request != null) ? request : ConfirmationRequest.ALL;
		return this.writes.change(id, ifMatch, key, caller, http, confirmation,
				(provision, by, at) -> provision.confirm(confirmation.bedType(), by, at));
	}

	@PostMapping("/{id}/approval")
	@Operation(summary = "Approve a provider's provision (admins only): it opens and is published to the matcher")
	ResponseEntity<String> approve(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller,
			HttpServletRequest http) {
		return this.writes.change(id, ifMatch, key, caller, http, StatusRequest.NONE,
				(provision, by, at) -> provision.approve(by, at));
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause an open provision with a reason, e.g. staffing", description = KEEPER,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = "{\"reason\": \"staffing\"}"))))
	ResponseEntity<String> pause(@PathVariable String id, @RequestBody(required = false) StatusRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller,
			HttpServletRequest http) {
		return statusChange(id, request, ifMatch, key, caller, http, Provision::pause);
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Reopen a paused provision", description = KEEPER)
	ResponseEntity<String> reopen(@PathVariable String id, @RequestBody(required = false) StatusRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller,
			HttpServletRequest http) {
		return statusChange(id, request, ifMatch, key, caller, http, Provision::reopen);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a provision for good, with a reason", description = KEEPER,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = "{\"reason\": \"service decommissioned\"}"))))
	ResponseEntity<String> close(@PathVariable String id, @RequestBody(required = false) StatusRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Caller caller,
			HttpServletRequest http) {
		return statusChange(id, request, ifMatch, key, caller, http, Provision::close);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every vacancy and status change: who, when, before, after; oldest first unless "
			+ "order=NEWEST, paged", description = KEEPER)
	ProvisionHistory history(@PathVariable String id,
			@RequestParam(defaultValue = "OLDEST") ProvisionHistory.Order order,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size, Caller caller) {
		checkPage(page, size);
		this.provisions.find(id).orElseThrow(() -> new ProvisionNotFound(id)).requireKeeper(caller);
		return this.provisions.history(id, order, page, size).orElseThrow(() -> new ProvisionNotFound(id));
	}

	private void checkPage(int page, int size) {
		if (page < 0 || page > 1_000_000) {
			throw new InvalidValue("page", "out-of-range", page, 0, 1_000_000);
		}
		if (size < 1 || size > this.properties.maxPageSize()) {
			throw new InvalidValue("size", "out-of-range", size, 1, this.properties.maxPageSize());
		}
	}

	/** Pausing, reopening and closing: a reason, optional If-Match, the same answer. */
	private ResponseEntity<String> statusChange(String id, StatusRequest request, String ifMatch, String key,
			Caller caller, HttpServletRequest http, StatusChange change) {
		StatusRequest status = (request != null) ? request : StatusRequest.NONE;
		return this.writes.change(id, ifMatch, key, caller, http, status,
				(provision, by, at) -> change.apply(provision, status.reason(), by, at));
	}

	@FunctionalInterface
	private interface StatusChange {

		void apply(Provision provision, String reason, String by, Instant at);

	}

}
