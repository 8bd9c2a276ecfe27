package cymru.noddfa.notifications.delivery;

import java.util.List;
import java.util.Optional;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.notifications.tenancy.ReferralRegionRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
record DeliveryController(DeliveryRepository deliveries, ReferralRegionRepository regions) {

	/**
	 * Every delivery about one referral, with each attempt, oldest first: for the crisis
	 * team and panel of the referral's region (as the referral events said) and admins. A
	 * referral this service has not heard of has had nothing delivered: an empty list.
	 */
	@GetMapping("/v1/notifications")
	List<DeliveryView> notifications(@RequestParam("referral") @NotBlank @Size(max = 100) String referral,
			Caller caller) {
		Optional<String> region = this.regions.regionOf(referral);
		if (region.isEmpty()) {
			return List.of();
		}
		if (!caller.isAdmin() && !caller.seesRegion(region.get())) {
			throw new AccessRefused("region's referral");
		}
		return this.deliveries.forReferral(referral);
	}

}
