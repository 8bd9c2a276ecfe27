package cymru.noddfa.matcher.availability;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
class AvailabilityController {

	private final AvailableBeds beds;

	private final ReadModelLoader loader;

	/** What the read model holds for one provision: the figures searches use. */
	@GetMapping("/v1/availability/{provisionId}")
	Availability availability(@PathVariable String provisionId) {
		if (!this.beds.isReady()) {
			throw new ReadModelUnavailable();
		}
		Map<String, String> hash = this.beds.find(provisionId).orElseThrow(() -> new ProvisionNotFound(provisionId));
		return Availability.of(this.beds.state(hash), hash);
	}

	@PostMapping("/admin/read-model/rebuild")
	ResponseEntity<Map<String, Object>> rebuild() {
		boolean started = this.loader.rebuildInBackground();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("started", started));
	}

	record Availability(String provisionId, long version, String name, String regionCode, String status,
			List<Bed> beds) {

		static Availability of(ProvisionState state, Map<String, String> hash) {
			List<Bed> beds = state.vacancies()
				.stream()
				.filter((v) -> BedType.parse(v.bedType()).isPresent())
				.map((v) -> {
					int available = number(hash.get("a:" + v.bedType()), v.available());
					int held = number(hash.get("h:" + v.bedType()), 0);
					return new Bed(v.bedType(), v.total(), available, held, Math.max(0, available - held),
							v.confirmedAt());
				})
				.toList();
			return new Availability(state.provisionId(), state.version(), state.name(), state.regionCode(),
					state.status(), beds);
		}

		private static int number(String value, int otherwise) {
			return (value != null) ? Integer.parseInt(value) : otherwise;
		}

	}

	/**
	 * {@code held}: beds held for referrals or placed since the provider's last update.
	 */
	record Bed(String bedType, int total, int available, int held, int free, Instant confirmedAt) {
	}

}
