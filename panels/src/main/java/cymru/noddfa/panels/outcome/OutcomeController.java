package cymru.noddfa.panels.outcome;

import java.time.LocalDate;

import cymru.noddfa.panels.casework.RegionCode;
import lombok.RequiredArgsConstructor;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outcome figures for a region, or Wales-wide when no region is named, over a period of
 * whole days. Counts and times only: the role rules let panels, crisis teams and admins
 * read them for any region.
 */
@RestController
@RequiredArgsConstructor
class OutcomeController {

	private final OutcomesRepository outcomes;

	@GetMapping("/v1/outcomes")
	OutcomeFigures figures(@RequestParam(required = false) RegionCode regionCode,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.outcomes.figures(regionCode, new Period(from, to));
	}

}
