package cymru.noddfa.notifications.feed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class FeedController {

	private final FeedPublisher feed;

	FeedController(FeedPublisher feed) {
		this.feed = feed;
	}

	/**
	 * The live feed of one region as Server-Sent Events: one event per referral event or
	 * acknowledgement, named by its type, with a JSON body. Once sign-in arrives the
	 * region comes from the user's token rather than the query.
	 */
	@GetMapping(path = "/v1/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter feed(@RequestParam @Pattern(regexp = "[A-Z]{2,8}") String region,
			@RequestParam @NotBlank @Size(max = 100) String user) {
		return this.feed.connect(region, user);
	}

}
