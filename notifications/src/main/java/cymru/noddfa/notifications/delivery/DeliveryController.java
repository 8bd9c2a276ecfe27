package cymru.noddfa.notifications.delivery;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryController {

	private final DeliveryRepository deliveries;

	DeliveryController(DeliveryRepository deliveries) {
		this.deliveries = deliveries;
	}

	/** Every delivery about one referral, with each attempt, oldest first. */
	@GetMapping("/v1/notifications")
	List<DeliveryView> notifications(@RequestParam("referral") @NotBlank @Size(max = 100) String referral) {
		return this.deliveries.forReferral(referral);
	}

}
