package cymru.noddfa.registry.provision;

import java.util.List;

import cymru.noddfa.registry.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lists a client offers its users, from the registry that checks provisions against
 * them: regions with their local authorities and needs (both as read from the reference
 * CSVs at start), bed types and provision kinds. It lives beside the provisions because
 * bed types and kinds are theirs, and the reference feature stays below this one.
 */
@RestController
@Tag(name = "reference", description = "Regions, needs, bed types and provision kinds")
@RequiredArgsConstructor
class ReferenceController {

	private final ReferenceData reference;

	/** What {@code GET /v1/reference} answers. */
	record ReferenceLists(List<ReferenceData.Region> regions, List<ReferenceData.Need> needs, List<BedType> bedTypes,
			List<ProvisionKind> provisionKinds) {
	}

	@GetMapping(path = "/v1/reference", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Regions with their local authorities, needs, bed types and provision kinds",
			description = "Any role. Names and labels in English and, where the data has them, Welsh.")
	ReferenceLists reference() {
		return new ReferenceLists(this.reference.regions(), this.reference.needs(), List.of(BedType.values()),
				List.of(ProvisionKind.values()));
	}

}
