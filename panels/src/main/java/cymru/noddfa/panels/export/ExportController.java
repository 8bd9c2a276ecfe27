package cymru.noddfa.panels.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.panels.casework.CasesRepository;
import cymru.noddfa.panels.casework.DecisionsRepository;
import cymru.noddfa.panels.casework.NotYourCase;
import cymru.noddfa.panels.casework.PanelCase;
import cymru.noddfa.panels.casework.RegionCode;
import cymru.noddfa.panels.casework.TimelineEntry;
import cymru.noddfa.panels.outcome.OutcomeFigures;
import cymru.noddfa.panels.outcome.OutcomesRepository;
import cymru.noddfa.panels.outcome.Period;
import cymru.noddfa.panels.referral.ReferralEventsRepository;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV for board papers (RFC 4180, UTF-8, labels in the caller's language): the outcome
 * figures, and the anonymised timelines of a period's cases. Nothing that points to a
 * child leaves here: no reference, no referral, case or provision id, no location, no
 * free text; a case is a number within the export and its times are minutes since its
 * referral.
 */
@RestController
@RequestMapping("/v1/exports")
@RequiredArgsConstructor
class ExportController {

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final OutcomesRepository outcomes;

	private final CasesRepository cases;

	private final ReferralEventsRepository events;

	private final DecisionsRepository decisions;

	private final MessageSource messages;

	@GetMapping("/outcomes.csv")
	ResponseEntity<String> outcomes(@RequestParam(required = false) RegionCode regionCode,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		OutcomeFigures figures = this.outcomes.figures(regionCode, new Period(from, to));
		String region = (regionCode != null) ? regionCode.value() : "WALES";
		return csv("outcomes-" + region + "-" + from + "-" + to + ".csv", (printer) -> {
			printer.printRecord("regionCode", "from", "to", "figure", "label", "value");
			for (Figure figure : Figure.rows(figures)) {
				printer.printRecord(region, from, to, figure.code(), label(figure), figure.value());
			}
		});
	}

	@GetMapping("/case-timelines.csv")
	ResponseEntity<String> caseTimelines(Caller caller, @RequestParam(required = false) RegionCode regionCode,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Period period = new Period(from, to);
		RegionCode region = (regionCode != null) ? regionCode : RegionCode.ofNullable(caller.region());
		if (region == null || !caller.isPanelOf(region.value())) {
			throw new NotYourCase("regionCode");
		}
		List<PanelCase> found = this.cases.openedBetween(region, period.start(), period.end());
		Map<UUID, Instant> referredAt = this.events.createdAt(found.stream().map(PanelCase::referralId).toList());
		return csv("case-timelines-" + region + "-" + from + "-" + to + ".csv", (printer) -> {
			printer.printRecord("case", "regionCode", "openedBecause", "minutesSinceReferral", "kind", "entry", "label",
					"bedType", "inRegion", "reasonCode");
			int number = 0;
			for (PanelCase panelCase : found) {
				number++;
				Instant start = referredAt.getOrDefault(panelCase.referralId(), panelCase.openedAt());
				for (TimelineEntry entry : TimelineEntry.of(this.events.ofReferral(panelCase.referralId()),
						this.decisions.ofCase(panelCase.id()))) {
					printer.printRecord(number, region, panelCase.openedBecause(),
							Duration.between(start, entry.at()).toMinutes(), entry.kind(), entry.type(),
							label("timeline." + entry.type()), entry.bedType(), entry.inRegion(),
							(entry.outOfRegionReason() != null) ? entry.outOfRegionReason() : entry.reasonCode());
				}
			}
		});
	}

	private String label(Figure figure) {
		return this.messages.getMessage(figure.labelKey(), figure.labelArgs(), figure.labelKey(), locale());
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static ResponseEntity<String> csv(String filename, Rows rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			rows.print(printer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(out.toString());
	}

	@FunctionalInterface
	interface Rows {

		void print(CSVPrinter printer) throws IOException;

	}

}
