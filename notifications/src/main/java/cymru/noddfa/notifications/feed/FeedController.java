package cymru.noddfa.notifications.feed;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import lombok.RequiredArgsConstructor;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequiredArgsConstructor
class FeedController {

	private final FeedPublisher feed;

	/**
	 * The caller's live feed as Server-Sent Events: one event per referral event or
	 * acknowledgement, named by its type, with a JSON body. Whose feed it is comes from
	 * the token: a crisis team or panel hears its region's events, and a crisis team also
	 * those of the children it referred from elsewhere (as it reads and moves those
	 * referrals); a provider hears those about its own provisions.
	 */
	@GetMapping(path = "/v1/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter feed(Caller caller) {
		if (caller.providerId() != null && caller.actsForProvider(caller.providerId())) {
			return this.feed.connect(FeedPublisher.Audience.provider(caller.providerId()), caller.subject());
		}
		if (caller.isCrisisTeamOf(caller.region())) {
			return this.feed.connect(FeedPublisher.Audience.team(caller.region()), caller.subject());
		}
		if (caller.isPanelOf(caller.region())) {
			return this.feed.connect(FeedPublisher.Audience.panel(caller.region()), caller.subject());
		}
		throw new AccessRefused("feed");
	}

}
