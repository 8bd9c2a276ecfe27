package cymru.noddfa.panels.outcome;

import java.util.List;

import cymru.noddfa.panels.casework.CasesRepository;
import cymru.noddfa.panels.casework.PanelCase;
import cymru.noddfa.panels.casework.RegionCode;
import cymru.noddfa.panels.referral.ReferralEvent;
import cymru.noddfa.panels.referral.ReferralEventsRepository;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Repository;

/**
 * Reads what the figures are made of, the period's referrals' events and their cases, and
 * folds them ({@link OutcomeFigures#of}).
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OutcomesRepository {

	private final ReferralEventsRepository events;

	private final CasesRepository cases;

	/** The figures of a region, or Wales-wide for {@code null}. */
	public OutcomeFigures figures(RegionCode region, Period period) {
		String code = (region != null) ? region.value() : null;
		List<ReferralEvent> found = this.events.ofReferralsCreatedBetween(period.start(), period.end(), code);
		List<PanelCase> ofThem = this.cases
			.ofReferrals(found.stream().map(ReferralEvent::referralId).distinct().toList());
		return OutcomeFigures.of(code, period, found, ofThem);
	}

}
