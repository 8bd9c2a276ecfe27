// Noddfa web app: one plain JavaScript module, no build step. Every word it shows comes
// from the gateway's message bundles (GET /app/messages). People sign in through the
// gateway (OpenID Connect); the gateway keeps their tokens in its session, so page script
// never sees one: calls carry only cookies, and state-changing calls send the XSRF-TOKEN
// cookie's value back as X-XSRF-TOKEN. Only the chosen language is kept in localStorage.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

const LANG_KEY = 'noddfa.lang';
// while the live feed is down, the pages that follow it read again this often
const FALLBACK_POLL_MS = 30000;
// a time the bed is needed may lag the clock this much (the form sat open) and lie this far ahead
const ADMISSION_PAST_SLACK_MS = 5 * 60000;
const ADMISSION_DAYS_AHEAD = 14;

const ROLES = ['CRISIS_TEAM', 'PANEL', 'PROVIDER', 'ADMIN'];
const SEXES = ['', 'FEMALE', 'MALE', 'OTHER', 'UNKNOWN'];
const SETTINGS = ['HOME', 'A_AND_E', 'POLICE', 'OTHER'];
const DECLINE_REASONS = ['NO_STAFF', 'NEEDS_NOT_MET', 'RISK_TOO_HIGH', 'BED_NO_LONGER_FREE', 'OTHER'];

let lang = 'en';
let texts = {};
let user = null;
let reference = { regions: [], needs: [], bedTypes: [] };
// what the crisis team last searched for, and the names of the places it found
let lastSearch = null;
const names = {};
// the current page's timers (polling and countdowns), stopped when the page changes
let timers = [];

// ---- words ------------------------------------------------------------------------------

/** The message for key in the current language, with {0}, {1}… filled in. */
function t(key, ...args) {
	const text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
	return text.replace(/\{(\d+)\}/g, (match, i) => (args[i] !== undefined ? String(args[i]) : match));
}

async function loadTexts(wanted) {
	const response = await fetch('/app/messages?lang=' + encodeURIComponent(wanted),
		{ headers: { Accept: 'application/json' } });
	if (!response.ok) {
		throw new Error('messages ' + response.status);
	}
	const body = await response.json();
	lang = body.lang;
	texts = body.messages;
	localStorage.setItem(LANG_KEY, lang);
}

function applyTexts() {
	document.documentElement.lang = lang;
	document.title = t('app.title');
	document.querySelectorAll('[data-text]').forEach((node) => {
		node.textContent = t(node.dataset.text);
	});
	document.querySelectorAll('[data-label]').forEach((node) => {
		node.setAttribute('aria-label', t(node.dataset.label));
	});
	document.querySelectorAll('[data-lang]').forEach((button) => {
		button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
	});
}

function regionName(code) {
	const region = reference.regions.find((r) => r.code === code);
	if (!region) {
		return t('app.region.' + code);
	}
	return (lang === 'cy' && region.nameCy) ? region.nameCy : region.name;
}

function needName(code) {
	const need = reference.needs.find((n) => n.code === code);
	if (!need) {
		return t('app.need.' + code);
	}
	return (lang === 'cy' && need.labelCy) ? need.labelCy : need.label;
}

function bedTypeName(code) {
	return t('app.bed-type.' + code);
}

function ago(iso) {
	if (!iso) {
		return t('app.never');
	}
	const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60000));
	if (minutes < 1) {
		return t('app.ago.now');
	}
	if (minutes < 120) {
		return t('app.ago.minutes', minutes);
	}
	if (minutes < 48 * 60) {
		return t('app.ago.hours', Math.round(minutes / 60));
	}
	return t('app.ago.days', Math.round(minutes / 1440));
}

function waited(minutes) {
	return minutes < 120 ? t('app.wait.minutes', minutes) : t('app.wait.hours', Math.floor(minutes / 60));
}

/** "12:34" left until iso, or null once it has passed. */
function left(iso) {
	const seconds = Math.floor((new Date(iso).getTime() - Date.now()) / 1000);
	if (seconds <= 0) {
		return null;
	}
	return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
}

// ---- small DOM helpers ------------------------------------------------------------------

function el(tag, attributes, ...children) {
	const node = document.createElement(tag);
	Object.entries(attributes || {}).forEach(([name, value]) => {
		if (name.startsWith('on') && typeof value === 'function') {
			node.addEventListener(name.substring(2), value);
		}
		else if (value === true) {
			node.setAttribute(name, '');
		}
		else if (value !== false && value !== null && value !== undefined) {
			node.setAttribute(name, String(value));
		}
	});
	children.flat().forEach((child) => {
		if (child !== null && child !== undefined && child !== false) {
			node.append(child instanceof Node ? child : String(child));
		}
	});
	return node;
}

function say(text) {
	document.getElementById('status').textContent = text;
}

function field(name, label, control, hint) {
	return el('div', { class: 'govuk-form-group', id: 'group-' + name },
		el('label', { class: 'govuk-label', for: 'f-' + name }, label),
		hint ? el('div', { class: 'govuk-hint', id: 'f-' + name + '-hint' }, hint) : null,
		control);
}

function select(name, options, chosen) {
	return el('select', { class: 'govuk-select', id: 'f-' + name, name },
		options.map(([value, label]) => el('option', { value, selected: value === chosen }, label)));
}

function button(text, onclick, extra) {
	return el('button', Object.assign({ type: 'button', class: 'govuk-button', onclick }, extra || {}), text);
}

function summary(rows) {
	return el('dl', { class: 'govuk-summary-list' }, rows.filter(Boolean).map(([key, value]) =>
		el('div', { class: 'govuk-summary-list__row' },
			el('dt', { class: 'govuk-summary-list__key' }, key),
			el('dd', { class: 'govuk-summary-list__value' }, value))));
}

// ---- problems: the error summary --------------------------------------------------------

/** Shows problems as a GOV.UK error summary; each with a field links to it and marks it. */
function showErrors(errors) {
	clearErrors();
	const list = document.getElementById('error-list');
	errors.forEach(({ text, field: name }) => {
		const target = name ? document.getElementById('f-' + name) : null;
		list.append(el('li', {}, target ? el('a', { href: '#f-' + name, 'data-field': name }, text) : text));
		if (target) {
			const group = document.getElementById('group-' + name) || target.closest('.govuk-form-group');
			if (group) {
				group.classList.add('govuk-form-group--error');
				target.before(el('p', { class: 'govuk-error-message' },
					el('span', { class: 'govuk-visually-hidden' }, t('app.problem.prefix')), text));
			}
		}
	});
	const box = document.getElementById('error-summary');
	box.hidden = false;
	box.focus();
}

function clearErrors() {
	document.getElementById('error-summary').hidden = true;
	document.getElementById('error-list').replaceChildren();
	document.querySelectorAll('.govuk-form-group--error').forEach((group) => {
		group.classList.remove('govuk-form-group--error');
	});
	document.querySelectorAll('#view .govuk-error-message').forEach((message) => message.remove());
}

class Problem extends Error {
	constructor(status, body) {
		super(body.title || String(status));
		this.status = status;
		this.body = body;
	}
}

async function problemOf(response) {
	const type = response.headers.get('Content-Type') || '';
	if (type.includes('json')) {
		try {
			return new Problem(response.status, await response.json());
		}
		catch (ignored) {
			// an unreadable error body is reported like any other failed answer
		}
	}
	return new Problem(response.status, { title: t('app.problem.unexpected', response.status) });
}

function report(error) {
	if (error instanceof Problem) {
		if (error.status === 401) {
			user = null;
			closeFeed();
			render();
		}
		const text = [error.body.title || t('app.problem.unexpected', error.status), error.body.detail]
			.filter(Boolean).join(': ');
		showErrors([{ text, field: error.body.field }]);
	}
	else {
		showErrors([{ text: t('app.problem.network') }]);
	}
}

// ---- talking to the API -----------------------------------------------------------------

function csrfToken() {
	const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
	return match ? decodeURIComponent(match[1]) : null;
}

/** Calls the API with the session cookie and the page's language; resolves to {body, response}. */
async function api(method, path, options = {}) {
	const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': lang };
	if (method !== 'GET') {
		const token = csrfToken();
		if (token) {
			headers['X-XSRF-TOKEN'] = token;
		}
	}
	if (options.body !== undefined) {
		headers['Content-Type'] = 'application/json';
	}
	Object.assign(headers, options.headers || {});
	const response = await fetch(path, { method, headers, credentials: 'same-origin',
		body: options.body !== undefined ? JSON.stringify(options.body) : undefined });
	if (!response.ok) {
		throw await problemOf(response);
	}
	const body = (response.status === 204 || response.status === 202) ? null : await response.json();
	return { body, response };
}

// ---- who is signed in -------------------------------------------------------------------

async function loadUser() {
	try {
		const response = await fetch('/app/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
		user = response.ok ? await response.json() : null;
	}
	catch (ignored) {
		user = null;
	}
	if (user) {
		try {
			const { body } = await api('GET', '/api/registry/v1/reference');
			reference = { regions: body.regions || [], needs: body.needs || [], bedTypes: body.bedTypes || [] };
		}
		catch (error) {
			report(error);
		}
	}
}

function has(role) {
	return user !== null && (user.roles || []).includes(role);
}

async function signOut() {
	try {
		// the gateway ends the session and answers with a redirect to the identity
		// provider's sign-out; the page goes back to its start either way
		await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken() || '' },
			credentials: 'same-origin', redirect: 'manual' });
	}
	finally {
		user = null;
		window.location.assign('/?signed-out');
	}
}

function renderWho() {
	const who = document.getElementById('who');
	const nav = document.getElementById('nav');
	if (!user) {
		who.hidden = true;
		nav.hidden = true;
		return;
	}
	const role = (user.roles || []).length ? t('app.role.' + user.roles[0]) : t('app.role.none');
	const tenant = user.region ? regionName(user.region) : (user.providerId || '');
	document.getElementById('who-text').textContent = tenant
		? t('app.signed-in-as.tenant', role, tenant) : t('app.signed-in-as', role);
	who.hidden = false;
	const links = [];
	if (has('CRISIS_TEAM')) {
		links.push(['#/search', 'app.nav.search'], ['#/referrals', 'app.nav.referrals']);
	}
	if (has('PROVIDER')) {
		links.push(['#/provisions', 'app.nav.provisions']);
	}
	if (has('PANEL')) {
		links.push(['#/panel', 'app.nav.panel'], ['#/referrals', 'app.nav.referrals']);
	}
	const here = window.location.hash || '#/';
	document.getElementById('nav-list').replaceChildren(...links.map(([href, key]) => el('li', {},
		el('a', { class: 'govuk-link', href, 'aria-current': here.startsWith(href) ? 'page' : null }, t(key)))));
	nav.hidden = links.length === 0;
}

// ---- the live feed ------------------------------------------------------------------------
// One EventSource on the notifications feed (through the gateway, with the session cookie)
// for as long as someone is signed in. An event only says what happened to which referral
// or bed: the page on show reads that again. While the stream is down the browser
// reconnects by itself, the page reads every 30 s instead, and says so in words.

const FEED_EVENTS = ['ReferralCreated', 'ReferralEscalated', 'MatchAvailable', 'HoldPlaced', 'HoldAccepted',
	'HoldDeclined', 'HoldExpired', 'PlacementStarted', 'PlacementEnded', 'ReferralCancelled', 'CrisisStayOverran',
	'OutOfRegionApprovalRequested', 'NotificationAcknowledged', 'CaseOpened', 'DecisionRecorded', 'FundingWaitOverdue'];

let feed = null;
let feedUp = false;
let feedWasUp = false;
// the current page's handler of feed events, null on pages that do not follow the feed
let onLive = null;

function openFeed() {
	if (feed || !(has('CRISIS_TEAM') || has('PANEL') || has('PROVIDER'))) {
		return;
	}
	feed = new EventSource('/api/notifications/v1/feed');
	feed.onopen = () => feedChanged(true);
	feed.onerror = () => {
		feedChanged(false);
		if (feed.readyState === EventSource.CLOSED) {
			// refused, not a stream: the browser gives up, so try again later
			feed = null;
			setTimeout(openFeed, FALLBACK_POLL_MS);
		}
	};
	FEED_EVENTS.forEach((type) => feed.addEventListener(type, heard));
}

function closeFeed() {
	if (feed) {
		feed.close();
		feed = null;
	}
	feedChanged(false);
}

function heard(event) {
	// counted for the browser tests, which prove that an update came over the stream
	document.body.dataset.liveEvents = String(Number(document.body.dataset.liveEvents || 0) + 1);
	let item;
	try {
		item = JSON.parse(event.data);
	}
	catch (ignored) {
		return;
	}
	if (onLive) {
		onLive(item);
	}
	if (ALERTING_EVENTS.includes(item.eventType)) {
		loadAlerts();
	}
}

function feedChanged(up) {
	const catchUp = up && !feedUp && feedWasUp;
	feedUp = up;
	feedWasUp = feedWasUp || up;
	showLive();
	if (catchUp) {
		// what happened while the stream was down
		loadAlerts();
		if (onLive) {
			onLive(null);
		}
	}
}

/** Whether this page is live, in words: nothing is told by colour alone. */
function liveStatus() {
	return el('p', { class: 'govuk-body-s app-live', id: 'live-status' });
}

function showLive() {
	const node = document.getElementById('live-status');
	if (node) {
		// until the stream first answers, it is connecting rather than down
		const state = feedUp ? 'on' : (feed && !feedWasUp && feed.readyState === EventSource.CONNECTING
			? 'connecting' : 'off');
		node.dataset.live = state;
		node.textContent = t('app.live.' + state, FALLBACK_POLL_MS / 1000);
	}
}

/**
 * Keeps the page current: refresh('feed') on each feed event that concerns it, and
 * refresh('poll') every 30 s while the feed is down.
 */
function follow(refresh, concerns) {
	onLive = (item) => {
		if (item === null || concerns(item)) {
			refresh('feed');
		}
	};
	every(FALLBACK_POLL_MS, () => {
		if (!feedUp) {
			refresh('poll');
		}
	});
	showLive();
}

// ---- alerts that need acknowledging ---------------------------------------------------------
// A hold request for a provider, an escalation for a panel: the notifications service climbs
// its rota of people until someone acknowledges the alert. Shown above every page as a
// notification banner until someone of the same team or provider acknowledges it here (or
// through the link in the message they were sent).

// the events that raise or end such an alert
const ALERTING_EVENTS = ['HoldPlaced', 'ReferralEscalated', 'CaseOpened', 'NotificationAcknowledged'];

async function loadAlerts() {
	const box = document.getElementById('alerts');
	if (!user || !(has('PROVIDER') || has('CRISIS_TEAM') || has('PANEL'))) {
		box.replaceChildren();
		return;
	}
	try {
		const { body } = await api('GET', '/api/notifications/v1/alerts?unacknowledged=true');
		showAlerts((body || []).filter((alert) => alert.needsAcknowledgement && !alert.acknowledgedAt));
	}
	catch (ignored) {
		// the page itself reports what is wrong; the banner waits for the next event
	}
}

function showAlerts(alerts) {
	const box = document.getElementById('alerts');
	box.dataset.loaded = 'true';
	if (!alerts.length) {
		box.replaceChildren();
		return;
	}
	box.replaceChildren(el('div', { class: 'govuk-notification-banner', role: 'region',
		'aria-labelledby': 'alerts-title' },
	el('div', { class: 'govuk-notification-banner__header' },
		el('h2', { class: 'govuk-notification-banner__title', id: 'alerts-title' }, t('app.alerts.title'))),
	el('div', { class: 'govuk-notification-banner__content' },
		el('ul', { class: 'govuk-list app-alerts' }, alerts.map((alert) => el('li', { 'data-alert': alert.id },
			el('p', { class: 'govuk-notification-banner__heading' }, alertText(alert)),
			button(t('app.alerts.acknowledge'), () => acknowledge(alert), { class: 'govuk-button govuk-button--secondary',
				'data-acknowledge': alert.id, 'aria-label': t('app.alerts.acknowledge.label', alert.reference) })))))));
}

function alertText(alert) {
	const key = 'app.alert.' + alert.eventType;
	const where = alert.provisionId ? (names[alert.provisionId] || provisionName(alert.provisionId)) : '';
	return Object.prototype.hasOwnProperty.call(texts, key) ? t(key, alert.reference, where)
		: t('app.alert.other', alert.reference);
}

async function acknowledge(alert) {
	clearErrors();
	try {
		await api('POST', '/api/notifications/v1/alerts/' + encodeURIComponent(alert.id) + '/acknowledgement');
		const item = document.querySelector('[data-alert="' + alert.id + '"]');
		if (item && item.parentNode.children.length === 1) {
			document.getElementById('alerts').replaceChildren();
		}
		else if (item) {
			item.remove();
		}
		say(t('app.alerts.acknowledged', alert.reference));
	}
	catch (error) {
		report(error);
	}
}

// ---- pages ------------------------------------------------------------------------------

function stopTimers() {
	timers.forEach((timer) => clearInterval(timer));
	timers = [];
}

function every(ms, task) {
	timers.push(setInterval(task, ms));
}

function page(...children) {
	document.getElementById('view').replaceChildren(...children);
}

function heading(key, ...args) {
	return el('h1', { class: 'govuk-heading-l' }, t(key, ...args));
}

/** The page for the address, then the alerts above it, which name what the page loaded. */
async function render() {
	await renderPage();
	loadAlerts();
}

async function renderPage() {
	stopTimers();
	onLive = null;
	clearErrors();
	say('');
	renderWho();
	const hash = window.location.hash || '#/';
	const [, name, id] = hash.split('/');
	if (!user) {
		renderSignIn();
		return;
	}
	if (name === 'referral' && id) {
		return renderReferral(decodeURIComponent(id));
	}
	if (name === 'referrals' && (has('CRISIS_TEAM') || has('PANEL'))) {
		return renderReferrals();
	}
	if (name === 'provisions' && has('PROVIDER')) {
		return renderProvisions();
	}
	if (name === 'history' && id && has('PROVIDER')) {
		return renderHistory(decodeURIComponent(id), Number(hash.split('/')[3]) || 0);
	}
	if (name === 'panel' && has('PANEL')) {
		return renderPanel();
	}
	if (name === 'case' && id && has('PANEL')) {
		return renderCase(decodeURIComponent(id));
	}
	if (has('CRISIS_TEAM')) {
		return renderSearch();
	}
	if (has('PROVIDER')) {
		return renderProvisions();
	}
	if (has('PANEL')) {
		return renderPanel();
	}
	page(heading('app.title'), el('p', { class: 'govuk-body' }, t('app.no-pages')));
}

function renderSignIn() {
	const query = new URLSearchParams(window.location.search);
	page(heading('app.title'),
		el('p', { class: 'govuk-body-l' }, t('app.sign-in.intro')),
		el('a', { href: '/oauth2/authorization/noddfa', role: 'button', draggable: 'false', id: 'sign-in',
			class: 'govuk-button govuk-button--start' }, t('app.sign-in.start')),
		el('p', { class: 'govuk-body' }, t('app.sign-in.help')));
	if (query.has('sign-in')) {
		showErrors([{ text: t('app.sign-in.failed') }]);
	}
	else if (query.has('signed-out')) {
		say(t('app.signed-out'));
	}
}

// ---- crisis team: find a bed ----------------------------------------------------------------

function renderSearch() {
	const s = lastSearch || {};
	const needs = new Set(s.needs || []);
	const form = el('form', { id: 'search-form', novalidate: true, onsubmit: searchSubmitted },
		field('place', t('app.field.place'), el('input', { class: 'govuk-input', id: 'f-place', name: 'place',
			autocomplete: 'off', value: s.place || '', 'aria-describedby': 'f-place-hint' }), t('app.field.place.hint')),
		el('p', { class: 'govuk-body' },
			el('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'use-location',
				onclick: useLocation }, t('app.search.use-location')),
			el('span', { id: 'location-note', class: 'app-note' }, s.lat ? t('app.search.using-location') : '')),
		field('age', t('app.field.age'), el('input', { class: 'govuk-input govuk-input--width-3', id: 'f-age',
			name: 'age', type: 'text', inputmode: 'numeric', pattern: '[0-9]*', value: s.age || '' })),
		field('sex', t('app.field.sex'), select('sex', SEXES.filter(Boolean).map((sex) => [sex, t('app.sex.' + sex)]),
			s.sex || 'UNKNOWN')),
		el('div', { class: 'govuk-form-group', id: 'group-needs' },
			el('fieldset', { class: 'govuk-fieldset', id: 'f-needs' },
				el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, t('app.field.needs')),
				el('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
					reference.needs.map((need) => el('div', { class: 'govuk-checkboxes__item' },
						el('input', { class: 'govuk-checkboxes__input', id: 'need-' + need.code, name: 'needs',
							type: 'checkbox', value: need.code, checked: needs.has(need.code) }),
						el('label', { class: 'govuk-label govuk-checkboxes__label', for: 'need-' + need.code },
							needName(need.code))))))),
		field('bedType', t('app.field.bed-type'), select('bedType',
			reference.bedTypes.map((type) => [type, bedTypeName(type)]), s.bedType || 'CRISIS')),
		whenField(s),
		field('maxKm', t('app.field.max-km'), el('input', { class: 'govuk-input govuk-input--width-4', id: 'f-maxKm',
			name: 'maxKm', type: 'text', inputmode: 'numeric', pattern: '[0-9]*', value: s.maxKm || '' })),
		el('button', { type: 'submit', class: 'govuk-button', id: 'search-submit' }, t('app.search.submit')));
	page(heading('app.search.heading'),
		el('p', { class: 'govuk-body' }, t('app.search.intro', regionName(user.region))),
		form, el('div', { id: 'search-results' }));
	if (lastSearch && lastSearch.answer) {
		renderResults(lastSearch.answer);
	}
}

/**
 * When the bed is needed: tonight (no time sent; the matcher takes now) or at a chosen time,
 * whose input is revealed under its radio in the GOV.UK conditional manner.
 */
function whenField(s) {
	const later = s.when === 'at';
	const radio = (value, label, extra) => el('div', { class: 'govuk-radios__item' },
		el('input', Object.assign({ class: 'govuk-radios__input', id: 'when-' + value, name: 'when', type: 'radio',
			value, checked: (value === 'at') === later, onchange: whenChanged }, extra)),
		el('label', { class: 'govuk-label govuk-radios__label', for: 'when-' + value }, label));
	return el('div', { class: 'govuk-form-group', id: 'group-when' },
		el('fieldset', { class: 'govuk-fieldset', id: 'f-when' },
			el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, t('app.field.when')),
			el('div', { class: 'govuk-radios' },
				radio('now', t('app.when.now')),
				radio('at', t('app.when.at'), { 'aria-controls': 'when-at-reveal' }),
				el('div', { class: 'govuk-radios__conditional' + (later ? '' : ' govuk-radios__conditional--hidden'),
					id: 'when-at-reveal' },
				field('admissionAt', t('app.field.admission-at'), el('input', { class: 'govuk-input', id: 'f-admissionAt',
					name: 'admissionAt', type: 'datetime-local', value: s.admissionLocal || '',
					'aria-describedby': 'f-admissionAt-hint' }), t('app.field.admission-at.hint', ADMISSION_DAYS_AHEAD))))));
}

function whenChanged() {
	document.getElementById('when-at-reveal').classList
		.toggle('govuk-radios__conditional--hidden', !document.getElementById('when-at').checked);
}

/** The chosen time as an ISO instant, or a problem with it; the input gives local time. */
function admissionAt(local) {
	const at = local ? new Date(local) : null;
	if (!at || Number.isNaN(at.getTime())) {
		return { error: t('app.error.admission-at') };
	}
	if (at.getTime() < Date.now() - ADMISSION_PAST_SLACK_MS) {
		return { error: t('app.error.admission-at.past') };
	}
	if (at.getTime() > Date.now() + ADMISSION_DAYS_AHEAD * 86400000) {
		return { error: t('app.error.admission-at.far', ADMISSION_DAYS_AHEAD) };
	}
	return { iso: at.toISOString() };
}

function useLocation() {
	if (!navigator.geolocation) {
		showErrors([{ text: t('app.search.location-unavailable') }]);
		return;
	}
	navigator.geolocation.getCurrentPosition((position) => {
		lastSearch = Object.assign(lastSearch || {}, { lat: position.coords.latitude, lon: position.coords.longitude });
		document.getElementById('f-place').value = '';
		document.getElementById('location-note').textContent = t('app.search.using-location');
	}, () => showErrors([{ text: t('app.search.location-unavailable') }]));
}

function searchSubmitted(event) {
	event.preventDefault();
	const form = new FormData(event.target);
	const s = {
		place: String(form.get('place') || '').trim(),
		age: String(form.get('age') || '').trim(),
		sex: form.get('sex'),
		bedType: form.get('bedType'),
		maxKm: String(form.get('maxKm') || '').trim(),
		when: form.get('when') === 'at' ? 'at' : 'now',
		admissionLocal: String(form.get('admissionAt') || ''),
		admissionAt: null,
		needs: form.getAll('needs'),
		lat: s0('lat'),
		lon: s0('lon')
	};
	if (s.place) {
		s.lat = null;
		s.lon = null;
	}
	const errors = [];
	if (!s.place && s.lat == null) {
		errors.push({ text: t('app.error.place'), field: 'place' });
	}
	if (!/^\d{1,2}$/.test(s.age) || Number(s.age) > 25) {
		errors.push({ text: t('app.error.age'), field: 'age' });
	}
	if (s.maxKm && (!/^\d{1,3}$/.test(s.maxKm) || Number(s.maxKm) < 1 || Number(s.maxKm) > 500)) {
		errors.push({ text: t('app.error.max-km'), field: 'maxKm' });
	}
	if (s.when === 'at') {
		const at = admissionAt(s.admissionLocal);
		if (at.error) {
			errors.push({ text: at.error, field: 'admissionAt' });
		}
		s.admissionAt = at.iso || null;
	}
	if (errors.length) {
		showErrors(errors);
		return;
	}
	lastSearch = s;
	search();
}

function s0(name) {
	return lastSearch && lastSearch[name] != null ? lastSearch[name] : null;
}

function searchQuery(s) {
	const query = new URLSearchParams({ regionCode: user.region, age: s.age, sex: s.sex, bedType: s.bedType });
	if (s.place) {
		query.set('place', s.place);
	}
	else {
		query.set('lat', s.lat);
		query.set('lon', s.lon);
	}
	if (s.maxKm) {
		query.set('maxKm', s.maxKm);
	}
	if (s.admissionAt) {
		query.set('admissionAt', s.admissionAt);
	}
	if (s.needs.length) {
		query.set('needs', s.needs.join(','));
	}
	return query;
}

async function search() {
	clearErrors();
	say(t('app.search.searching'));
	try {
		const { body } = await api('GET', '/api/matching/v1/searches?' + searchQuery(lastSearch).toString());
		lastSearch.answer = body;
		body.candidates.forEach((c) => {
			names[c.provisionId] = c.name;
		});
		renderResults(body);
		say(t('app.search.found', body.candidates.length));
	}
	catch (error) {
		say('');
		report(error);
	}
}

function renderResults(answer) {
	const parts = [el('h2', { class: 'govuk-heading-m', id: 'results-heading' }, t('app.search.results.heading'))];
	if (answer.candidates.length === 0) {
		parts.push(el('p', { class: 'govuk-body' }, t('app.search.none')));
	}
	else {
		parts.push(el('div', { class: 'app-panel', id: 'referral-details' },
			el('h3', { class: 'govuk-heading-s' }, t('app.refer.heading')),
			field('reference', t('app.field.reference'), el('input', { class: 'govuk-input govuk-input--width-10',
				id: 'f-reference', name: 'reference', autocomplete: 'off', spellcheck: 'false',
				'aria-describedby': 'f-reference-hint' }), t('app.field.reference.hint')),
			field('currentSetting', t('app.field.current-setting'), select('currentSetting',
				SETTINGS.map((code) => [code, t('app.setting.' + code)]), 'A_AND_E')),
			button(t('app.refer.best'), () => referAndHold(null), { id: 'refer-best' })));
		parts.push(el('ol', { class: 'app-cards', id: 'candidates' }, answer.candidates.map(candidateCard)));
		parts.push(mapFigure(answer));
	}
	const excluded = answer.excluded || [];
	const total = excluded.reduce((sum, item) => sum + item.count, 0);
	parts.push(el('h2', { class: 'govuk-heading-m' }, t('app.search.excluded.heading', total)));
	if (excluded.length) {
		parts.push(el('ul', { class: 'govuk-list govuk-list--bullet' }, excluded.map((item) => el('li', {},
			item.message || t('app.search.excluded.line', item.count, item.reason)))));
	}
	document.getElementById('search-results').replaceChildren(...parts);
	if (answer.candidates.length) {
		drawMap(answer);
	}
}

function candidateCard(candidate, index) {
	return el('li', { class: 'app-card', 'data-provision': candidate.provisionId },
		el('h3', { class: 'govuk-heading-s' },
			// the number its marker on the map carries; the list itself tells a screen reader
			el('span', { class: 'app-card__number', 'aria-hidden': 'true' }, String(index + 1)), candidate.name),
		summary([
			[t('app.card.distance'), t('app.km', Number(candidate.distanceKm).toFixed(1))],
			[t('app.card.region'), candidate.inRegion ? t('app.card.in-region')
				: t('app.card.out-of-region', regionName(candidate.regionCode))],
			[t('app.card.beds-free'), String(candidate.bedsFree)],
			[t('app.card.confirmed'), candidate.confirmed ? t('app.card.confirmed-ago', ago(candidate.confirmedAt))
				: t('app.card.unconfirmed', ago(candidate.confirmedAt))],
			phoneRow(candidate),
			[t('app.card.why'), el('ul', { class: 'govuk-list' },
				(candidate.reasons || []).map((reason) => el('li', {}, reason.message)))]
		]),
		button(t('app.refer.this'), () => referAndHold(candidate.provisionId),
			{ class: 'govuk-button govuk-button--secondary', 'data-refer': candidate.provisionId,
				'aria-label': t('app.refer.this.label', candidate.name) }));
}

/**
 * The provider's on-call phone as a tap-to-call link, or no row at all when it gave none.
 * The link dials the digits (and a leading +) of the number as the provider wrote it.
 */
function phoneRow(candidate) {
	const phone = (candidate.onCallPhone || '').trim();
	// "+44 (0)1656 …" is dialled +441656…
	const dial = phone.replace(/\(0\)/g, '').replace(/(?!^\+)[^\d]/g, '');
	if (!/\d{3,}/.test(dial)) {
		return null;
	}
	return [t('app.card.phone'), el('a', { class: 'govuk-link app-phone', href: 'tel:' + dial,
		'aria-label': t('app.card.phone.label', candidate.name, phone) }, phone)];
}

// ---- the map of the candidates --------------------------------------------------------------
// Leaflet from its WebJar, loaded the first time a search finds something. By default no tile
// server is asked for anything: an outline of Wales shipped with the app lies under the
// markers. The map is a picture beside the list, which stays the way to read and act on the
// results: one accessible name for the whole map, numbered markers matching the numbered cards,
// a legend in words, and nothing to reach by keyboard inside it.

let leaflet = null;
let wales = null;
let resultsMap = null;

function loadLeaflet() {
	if (!leaflet) {
		leaflet = new Promise((resolve, reject) => {
			const script = el('script', { src: '/webjars/leaflet/dist/leaflet.js' });
			script.addEventListener('load', () => resolve(window.L));
			script.addEventListener('error', () => {
				leaflet = null;
				reject(new Error('leaflet'));
			});
			document.head.append(script);
		});
	}
	return leaflet;
}

function loadWales() {
	if (!wales) {
		wales = fetch('/map/wales.json', { headers: { Accept: 'application/json' } })
			.then((response) => (response.ok ? response.json() : null))
			.catch(() => null);
	}
	return wales;
}

function mapFigure(answer) {
	const tiles = user.map && user.map.tileUrl;
	return el('figure', { class: 'app-map-figure' },
		el('h3', { class: 'govuk-heading-s' }, t('app.map.heading')),
		el('div', { id: 'results-map', class: 'app-map', role: 'img',
			'aria-label': t('app.map.label', answer.candidates.length) }),
		el('figcaption', { class: 'govuk-body-s app-map-legend' },
			el('span', { class: 'app-map-key' }, el('span', { class: 'app-map-marker app-map-marker--bed', 'aria-hidden': 'true' },
				'1'), t('app.map.legend.beds')),
			el('span', { class: 'app-map-key' }, el('span', { class: 'app-map-marker app-map-marker--child',
				'aria-hidden': 'true' }), t('app.map.legend.child')),
			tiles && user.map.tileAttribution ? el('span', { class: 'app-map-key' },
				t('app.map.tiles', user.map.tileAttribution)) : null));
}

async function drawMap(answer) {
	let L;
	let outline;
	try {
		[L, outline] = await Promise.all([loadLeaflet(), loadWales()]);
	}
	catch (ignored) {
		// the list says everything the map shows
		return;
	}
	const box = document.getElementById('results-map');
	if (!box || box.dataset.drawn) {
		return;
	}
	if (resultsMap) {
		resultsMap.remove();
	}
	// a picture: no controls, nothing focusable, no dragging that would trap a finger scrolling
	// the page
	const map = L.map(box, { zoomControl: false, attributionControl: false, keyboard: false, dragging: false,
		touchZoom: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, zoomSnap: 0.25 });
	resultsMap = map;
	if (user.map && user.map.tileUrl) {
		L.tileLayer(user.map.tileUrl, { maxZoom: 18 }).addTo(map);
	}
	const bounds = [];
	if (outline) {
		const layer = L.geoJSON(outline, { interactive: false, className: 'app-map-wales', style: { color: '#505a5f',
			weight: 1, fillColor: '#ffffff', fillOpacity: (user.map && user.map.tileUrl) ? 0 : 1 } }).addTo(map);
		bounds.push(layer.getBounds().getSouthWest(), layer.getBounds().getNorthEast());
	}
	// the child's diamond lies under the beds' numbers, which stay readable however close
	const marker = (lat, lon, className, text, data, zIndexOffset) => {
		const icon = el('span', Object.assign({ class: 'app-map-marker ' + className }, data), text);
		L.marker([lat, lon], { interactive: false, keyboard: false, zIndexOffset, icon: L.divIcon({
			className: 'app-map-icon', html: icon, iconSize: [28, 28], iconAnchor: [14, 14] }) }).addTo(map);
		bounds.push([lat, lon]);
	};
	answer.candidates.forEach((candidate, index) => {
		if (candidate.location) {
			marker(candidate.location.lat, candidate.location.lon, 'app-map-marker--bed', String(index + 1),
				{ 'data-provision': candidate.provisionId }, 1000 - index);
		}
	});
	if (answer.searchedFrom) {
		marker(answer.searchedFrom.lat, answer.searchedFrom.lon, 'app-map-marker--child', null, {}, -1000);
	}
	if (bounds.length) {
		map.fitBounds(L.latLngBounds(bounds), { padding: [20, 20] });
	}
	else {
		map.setView([52.4, -3.8], 6);
	}
	box.dataset.drawn = 'true';
}

/** Refers the child and holds a bed in one step: the chosen one, or the matcher's best. */
async function referAndHold(provisionId) {
	clearErrors();
	const ref = document.getElementById('f-reference').value.trim().toUpperCase();
	if (!/^[A-Z0-9-]{3,20}$/.test(ref) || !/\d/.test(ref)) {
		showErrors([{ text: t('app.error.reference'), field: 'reference' }]);
		return;
	}
	const s = lastSearch;
	const request = { reference: ref, regionCode: user.region, age: Number(s.age), sex: s.sex, needs: s.needs,
		currentSetting: document.getElementById('f-currentSetting').value, bedType: s.bedType };
	if (s.place) {
		request.place = s.place;
	}
	else {
		request.location = { lat: s.lat, lon: s.lon };
	}
	if (s.maxKm) {
		request.maxKm = Number(s.maxKm);
	}
	if (s.admissionAt) {
		request.latestAdmissionAt = s.admissionAt;
	}
	say(t('app.refer.sending'));
	try {
		const { body: referral } = await api('POST', '/api/matching/v1/referrals', { body: request });
		if (referral.status !== 'ESCALATED') {
			await api('POST', '/api/matching/v1/referrals/' + referral.id + '/holds',
				{ body: provisionId ? { provisionId } : {} });
		}
		window.location.hash = '#/referral/' + referral.id;
	}
	catch (error) {
		say('');
		report(error);
	}
}

// ---- a referral, live -----------------------------------------------------------------------

async function renderReferral(id) {
	page(heading('app.referral.heading'), liveStatus(), el('div', { id: 'referral', 'aria-busy': 'true' }));
	let shown = '';
	const refresh = async (by) => {
		try {
			const base = '/api/matching/v1/referrals/' + encodeURIComponent(id);
			const [{ body: referral }, { body: holds }] = await Promise.all([api('GET', base), api('GET', base + '/holds')]);
			const list = Array.isArray(holds) ? holds : (holds.items || []);
			const hold = list.slice().sort((a, b) => String(b.placedAt).localeCompare(String(a.placedAt)))[0];
			const decisions = await panelDecisions(referral, hold);
			const state = referral.status + '|' + (hold ? hold.holdId + hold.status : '') + '|'
				+ decisions.map((decision) => decision.id).join(',');
			if (state !== shown) {
				if (shown) {
					// a problem with what the page showed before no longer stands
					clearErrors();
					say(t('app.referral-status.' + referral.status));
				}
				shown = state;
				showReferral(referral, hold, decisions);
				// what brought the change: the first read, the feed or the fallback poll
				document.getElementById('referral').dataset.changedBy = by;
			}
		}
		catch (error) {
			stopTimers();
			report(error);
		}
	};
	await refresh('load');
	follow(refresh, (item) => item.referralId === id);
	every(1000, tick);
}

/**
 * What the panel decided about a referral that went to it (escalated, or a bed outside the
 * region), newest first, leaving out decisions corrected by a later one. A team reads the
 * panel cases of its region's children and of those it referred.
 */
async function panelDecisions(referral, hold) {
	const wentToPanel = referral.status === 'ESCALATED' || (referral.outOfRegionOptions || []).length > 0
		|| (hold && hold.inRegion === false);
	if (!wentToPanel || !(has('CRISIS_TEAM') || has('PANEL'))) {
		return [];
	}
	try {
		const { body } = await api('GET', '/api/panels/v1/cases');
		const cases = (Array.isArray(body) ? body : (body.items || [])).filter((c) => c.referralId === referral.id);
		const details = await Promise.all(cases.map((c) => api('GET', '/api/panels/v1/cases/' + encodeURIComponent(c.id))));
		const decisions = details.flatMap(({ body: one }) => (one.timeline || [])
			.filter((entry) => entry.kind === 'DECISION' && entry.decision).map((entry) => entry.decision));
		const corrected = new Set(decisions.map((decision) => decision.supersedes).filter(Boolean));
		return decisions.filter((decision) => !corrected.has(decision.id))
			.sort((a, b) => String(b.decidedAt).localeCompare(String(a.decidedAt)));
	}
	catch (ignored) {
		// the referral shows without them; the next update tries again
		return [];
	}
}

function panelDecision(decision) {
	const when = new Date(decision.decidedAt);
	return el('li', { class: 'app-card', 'data-decision': decision.type },
		summary([
			[t('app.decision.type'), tOr('app.timeline.' + decision.type, decision.type)],
			// numbers only: browsers do not all know Welsh month names
			[t('app.decision.when'), el('time', { datetime: decision.decidedAt },
				t('app.decision.at', String(when.getHours()).padStart(2, '0') + ':' + String(when.getMinutes()).padStart(2, '0'),
					when.getDate() + '/' + (when.getMonth() + 1) + '/' + when.getFullYear(), ago(decision.decidedAt)))],
			[t('app.decision.reason'), tOr('app.decision.reason.' + decision.reasonCode, decision.reasonCode)],
			decision.provisionId ? [t('app.decision.provision'), names[decision.provisionId] || decision.provisionId] : null
		]));
}

/** Counts every hold's time down, in place. */
function tick() {
	document.querySelectorAll('[data-expires]').forEach((node) => {
		const rest = left(node.dataset.expires);
		node.textContent = rest ? t('app.hold.left', rest) : t('app.hold.expiring');
	});
}

function showReferral(referral, hold, decisions) {
	const box = document.getElementById('referral');
	if (!box) {
		return;
	}
	(referral.outOfRegionOptions || []).forEach((option) => {
		names[option.provisionId] = option.name || option.provisionId;
	});
	const parts = [
		el('p', { class: 'govuk-body-l' }, el('strong', { class: 'app-tag', id: 'referral-status',
			'data-status': referral.status }, t('app.referral-status.' + referral.status))),
		summary([
			[t('app.field.reference'), referral.reference],
			[t('app.field.age'), String(referral.age)],
			[t('app.field.bed-type'), bedTypeName(referral.bedType)],
			[t('app.field.needs'), (referral.needs || []).map(needName).join(', ') || t('app.none')],
			referral.latestAdmissionAt ? [t('app.referral.needed-at'), el('span', { id: 'referral-needed-at',
				'data-at': referral.latestAdmissionAt }, new Date(referral.latestAdmissionAt).toLocaleString(
				lang === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }))] : null,
			[t('app.referral.created'), ago(referral.createdAt)]
		])];
	if (hold) {
		parts.push(el('h2', { class: 'govuk-heading-m' }, t('app.hold.heading')),
			el('div', { class: 'app-panel', id: 'hold', 'data-hold-status': hold.status },
				el('p', { class: 'govuk-body' }, el('strong', {}, names[hold.provisionId] || hold.provisionId)),
				el('p', { class: 'govuk-body', id: 'hold-status' }, t('app.hold-status.' + hold.status)),
				hold.inRegion === false ? el('p', { class: 'govuk-body', id: 'hold-out-of-region' },
					el('strong', { class: 'app-tag' }, t('app.hold.out-of-region',
						t('app.km', Number(hold.distanceKm || 0).toFixed(1))))) : null,
				hold.status === 'ACTIVE' ? el('p', { class: 'govuk-body app-countdown', 'data-expires': hold.expiresAt,
					'aria-live': 'off' }, t('app.hold.left', left(hold.expiresAt) || '0:00')) : null,
				hold.reasonCode ? el('p', { class: 'govuk-body' }, t('app.decline-reason.' + hold.reasonCode)) : null));
	}
	if (referral.status === 'ACCEPTED') {
		parts.push(button(t('app.referral.place'), () => referralAction(referral, '/placements', 'app.referral.placed'),
			{ id: 'record-placement' }));
	}
	if (decisions.length) {
		parts.push(el('h2', { class: 'govuk-heading-m' }, t('app.referral.panel-decided')),
			el('ul', { class: 'app-cards', id: 'panel-decisions' }, decisions.map(panelDecision)));
	}
	if (referral.status === 'ESCALATED') {
		const options = referral.outOfRegionOptions || [];
		parts.push(el('h2', { class: 'govuk-heading-m' }, t('app.referral.out-of-region')),
			el('p', { class: 'govuk-body' }, t(options.length ? 'app.referral.out-of-region.intro'
				: 'app.referral.out-of-region.none')),
			el('ul', { class: 'app-cards', id: 'out-of-region-options' },
				options.map((option) => outOfRegionOption(referral, option))));
	}
	if (['OPEN', 'OFFERED', 'ACCEPTED', 'ESCALATED'].includes(referral.status)) {
		parts.push(el('p', { class: 'govuk-body' }, el('button', { type: 'button', class: 'govuk-button govuk-button--warning',
			onclick: () => referralAction(referral, '/cancel', 'app.referral.cancelled') }, t('app.referral.cancel'))));
	}
	box.replaceChildren(...parts);
	box.removeAttribute('aria-busy');
}

/**
 * One bed outside the child's region: the team may hold it with a reason; a bed that is
 * not a crisis bed waits for the home region's panel to approve it first.
 */
function outOfRegionOption(referral, option) {
	const reason = 'reason-' + option.provisionId;
	return el('li', { class: 'app-card', 'data-option': option.provisionId },
		el('h3', { class: 'govuk-heading-s' }, option.name || option.provisionId),
		summary([
			[t('app.card.distance'), t('app.km', Number(option.distanceKm || 0).toFixed(1))],
			[t('app.card.region'), t('app.card.out-of-region', regionName(option.regionCode))]
		]),
		field(reason, t('app.referral.out-of-region.reason'), select(reason,
			DECISIONS.APPROVE_OUT_OF_REGION.map((code) => [code, t('app.decision.reason.' + code)]))),
		button(t('app.referral.out-of-region.hold'), () => holdOutOfRegion(referral, option, reason),
			{ class: 'govuk-button govuk-button--secondary', 'data-hold-out-of-region': option.provisionId,
				'aria-label': t('app.referral.out-of-region.hold.label', option.name || option.provisionId) }));
}

async function holdOutOfRegion(referral, option, reason) {
	clearErrors();
	try {
		await api('POST', '/api/matching/v1/referrals/' + referral.id + '/holds',
			{ body: { provisionId: option.provisionId, outOfRegionReason: document.getElementById('f-' + reason).value } });
		await render();
		say(t('app.referral.out-of-region.held', names[option.provisionId]));
	}
	catch (error) {
		if (error instanceof Problem && String(error.body.type || '').endsWith('/panel-approval-pending')) {
			showErrors([{ text: t('app.referral.out-of-region.pending', names[option.provisionId]), field: reason }]);
		}
		else {
			report(error);
		}
	}
}

async function referralAction(referral, path, doneKey) {
	clearErrors();
	try {
		await api('POST', '/api/matching/v1/referrals/' + referral.id + path);
		await render();
		say(t(doneKey));
	}
	catch (error) {
		report(error);
	}
}

async function renderReferrals() {
	page(heading('app.referrals.heading'), el('div', { id: 'referrals-list' }));
	try {
		const { body } = await api('GET', '/api/matching/v1/referrals?regionCode=' + encodeURIComponent(user.region));
		const list = Array.isArray(body) ? body : (body.items || []);
		document.getElementById('referrals-list').replaceChildren(list.length === 0
			? el('p', { class: 'govuk-body' }, t('app.referrals.none'))
			: el('ul', { class: 'app-cards' }, list.map((referral) => el('li', { class: 'app-card' },
				el('h2', { class: 'govuk-heading-s' }, el('a', { class: 'govuk-link', href: '#/referral/' + referral.id },
					referral.reference)),
				el('p', { class: 'govuk-body' }, t('app.referral-status.' + referral.status) + ' \u00b7 '
					+ bedTypeName(referral.bedType) + ' \u00b7 ' + ago(referral.updatedAt))))));
	}
	catch (error) {
		report(error);
	}
}

// ---- provider: my provisions and the holds on them --------------------------------------------

let provisions = [];

async function renderProvisions() {
	page(heading('app.provisions.heading'), liveStatus(),
		el('h2', { class: 'govuk-heading-m' }, t('app.holds.heading')),
		el('div', { id: 'holds', 'aria-live': 'polite' }, el('p', { class: 'govuk-body' }, t('app.holds.none'))),
		el('h2', { class: 'govuk-heading-m' }, t('app.provisions.beds')),
		el('div', { id: 'provisions-list' }));
	await loadProvisions();
	let shown = null;
	const refreshHolds = async () => {
		try {
			const { body } = await api('GET', '/api/matching/v1/holds?status=ACTIVE');
			const holds = Array.isArray(body) ? body : (body.items || []);
			const ids = holds.map((hold) => hold.holdId);
			if (shown === null || ids.join(',') !== shown.join(',')) {
				// only a request not shown before is news; one answered or expired is not
				if (shown !== null && ids.some((holdId) => !shown.includes(holdId))) {
					say(t('app.holds.new'));
				}
				shown = ids;
				renderHolds(holds);
			}
		}
		catch (error) {
			stopTimers();
			report(error);
		}
	};
	await refreshHolds();
	// the feed brings this provider's own beds' events only; a cancelled referral names
	// the bed its hold gave back, so that request leaves at once
	follow(refreshHolds, (item) => String(item.eventType).startsWith('Hold') || item.eventType === 'ReferralCancelled');
	every(1000, tick);
}

function renderHolds(holds) {
	const box = document.getElementById('holds');
	if (!box) {
		return;
	}
	if (!holds.length) {
		box.replaceChildren(el('p', { class: 'govuk-body' }, t('app.holds.none')));
		return;
	}
	box.replaceChildren(el('ul', { class: 'app-cards' }, holds.map((hold) => {
		const reasonId = 'reason-' + hold.holdId;
		return el('li', { class: 'app-card', 'data-hold': hold.holdId },
			el('h3', { class: 'govuk-heading-s' }, t('app.holds.request', bedTypeName(hold.bedType),
				provisionName(hold.provisionId))),
			summary([
				[t('app.field.age'), String(hold.age)],
				[t('app.field.sex'), t('app.sex.' + hold.sex)],
				[t('app.field.needs'), (hold.needs || []).map(needName).join(', ') || t('app.none')],
				[t('app.hold.time'), el('span', { 'data-expires': hold.expiresAt }, t('app.hold.left', left(hold.expiresAt) || '0:00'))]
			]),
			el('div', { class: 'govuk-button-group' },
				button(t('app.holds.accept'), () => answerHold(hold, 'accept'), { 'data-accept': hold.holdId })),
			el('div', { class: 'govuk-form-group' },
				el('label', { class: 'govuk-label', for: reasonId }, t('app.holds.decline-reason')),
				el('select', { class: 'govuk-select', id: reasonId }, DECLINE_REASONS.map((code) =>
					el('option', { value: code }, t('app.decline-reason.' + code))))),
			button(t('app.holds.decline'), () => answerHold(hold, 'decline',
				{ reasonCode: document.getElementById(reasonId).value }),
			{ class: 'govuk-button govuk-button--warning', 'data-decline': hold.holdId }));
	})));
}

function provisionName(id) {
	const provision = provisions.find((p) => p.provisionId === id);
	return provision ? provision.name : id;
}

async function answerHold(hold, answer, body) {
	clearErrors();
	try {
		await api('POST', '/api/matching/v1/referrals/' + hold.referralId + '/holds/' + hold.holdId + '/' + answer,
			body ? { body } : {});
		say(t(answer === 'accept' ? 'app.holds.accepted' : 'app.holds.declined'));
		const card = document.querySelector('[data-hold="' + hold.holdId + '"]');
		if (card) {
			card.remove();
		}
		loadProvisions();
	}
	catch (error) {
		report(error);
	}
}

async function loadProvisions() {
	try {
		const { body } = await api('GET', '/api/registry/v1/provisions?size=100&providerId='
			+ encodeURIComponent(user.providerId));
		provisions = body.items || [];
		const list = document.getElementById('provisions-list');
		if (list) {
			list.replaceChildren(provisions.length ? el('ul', { class: 'app-cards' }, provisions.map(provisionCard))
				: el('p', { class: 'govuk-body' }, t('app.provisions.none')));
		}
	}
	catch (error) {
		report(error);
	}
}

function provisionCard(provision) {
	const paused = provision.status === 'PAUSED';
	const reasonId = 'pause-' + provision.provisionId;
	return el('li', { class: 'app-card', id: 'provision-' + provision.provisionId },
		el('h3', { class: 'govuk-heading-s' }, provision.name),
		el('p', { class: 'govuk-body' }, el('strong', { class: 'app-tag', 'data-provision-status': provision.status },
			t('app.provision-status.' + provision.status))),
		el('p', { class: 'govuk-body' }, el('a', { class: 'govuk-link', 'data-history': provision.provisionId,
			href: '#/history/' + encodeURIComponent(provision.provisionId) }, t('app.history.link'),
		el('span', { class: 'govuk-visually-hidden' }, ' ' + t('app.history.of', provision.name)))),
		(provision.vacancies || []).map((vacancy) => el('div', { class: 'app-vacancy', 'data-bed-type': vacancy.bedType },
			el('h4', { class: 'govuk-heading-s' }, bedTypeName(vacancy.bedType)),
			el('p', { class: 'govuk-body app-count', 'data-available': vacancy.available, 'data-total': vacancy.total },
				t('app.provisions.free-of', vacancy.available, vacancy.total)),
			el('div', { class: 'govuk-button-group' },
				button('\u2212', () => changeVacancy(provision, vacancy, -1), { class: 'govuk-button govuk-button--secondary app-step',
					'data-step': 'fewer', 'aria-label': t('app.provisions.fewer', bedTypeName(vacancy.bedType)),
					disabled: vacancy.available === 0 }),
				button('+', () => changeVacancy(provision, vacancy, 1), { class: 'govuk-button govuk-button--secondary app-step',
					'data-step': 'more', 'aria-label': t('app.provisions.more', bedTypeName(vacancy.bedType)),
					disabled: vacancy.available >= vacancy.total }),
				button(t('app.provisions.still-accurate'), () => changeProvision(provision, 'POST', '/confirmations',
					{ bedType: vacancy.bedType }, 'app.provisions.confirmed'), { class: 'govuk-button govuk-button--secondary',
					'data-confirm': vacancy.bedType })),
			el('p', { class: 'govuk-hint' }, t('app.provisions.confirmed-at', ago(vacancy.confirmedAt))))),
		paused
			? button(t('app.provisions.reopen'), () => changeProvision(provision, 'POST', '/reopen', {},
				'app.provisions.reopened'), { 'data-reopen': provision.provisionId })
			: el('div', {},
				el('div', { class: 'govuk-form-group' },
					el('label', { class: 'govuk-label', for: reasonId }, t('app.provisions.pause-reason')),
					el('input', { class: 'govuk-input', id: reasonId, autocomplete: 'off' })),
				button(t('app.provisions.pause'), () => {
					const reason = document.getElementById(reasonId).value.trim();
					if (!reason) {
						showErrors([{ text: t('app.error.pause-reason') }]);
						return;
					}
					changeProvision(provision, 'POST', '/pause', { reason }, 'app.provisions.paused');
				}, { class: 'govuk-button govuk-button--warning', 'data-pause': provision.provisionId })));
}

function changeVacancy(provision, vacancy, step) {
	changeProvision(provision, 'PUT', '/vacancies/' + encodeURIComponent(vacancy.bedType),
		{ total: vacancy.total, available: vacancy.available + step }, 'app.provisions.saved');
}

/** A change guarded by the version shown: someone else's change in between is a 412. */
async function changeProvision(provision, method, path, body, doneKey) {
	clearErrors();
	try {
		const { body: changed } = await api(method,
			'/api/registry/v1/provisions/' + encodeURIComponent(provision.provisionId) + path,
			{ body, headers: { 'If-Match': '"' + provision.version + '"' } });
		const index = provisions.findIndex((p) => p.provisionId === changed.provisionId);
		provisions[index] = changed;
		document.getElementById('provision-' + provision.provisionId).replaceWith(provisionCard(changed));
		say(t(doneKey, changed.name));
	}
	catch (error) {
		if (error instanceof Problem && (error.status === 412 || error.status === 409)) {
			// someone else's change came first: show theirs (a 412 carries it), never retry ours
			const current = error.body.current;
			const card = document.getElementById('provision-' + provision.provisionId);
			if (error.status === 412 && current && current.provisionId === provision.provisionId && card) {
				provisions[provisions.findIndex((p) => p.provisionId === current.provisionId)] = current;
				card.replaceWith(provisionCard(current));
			}
			else {
				await loadProvisions();
			}
			showErrors([{ text: t(error.status === 412 ? 'app.provisions.changed-elsewhere'
				: 'app.provisions.status-changed-elsewhere') }]);
		}
		else {
			report(error);
		}
	}
}

const HISTORY_PAGE = 20;

/** The provision's recorded changes, newest first: what changed last, and who changed it. */
async function renderHistory(id, pageNumber) {
	page(el('a', { class: 'govuk-back-link', href: '#/provisions' }, t('app.history.back')),
		heading('app.history.heading'), el('div', { id: 'history' }));
	try {
		const base = '/api/registry/v1/provisions/' + encodeURIComponent(id);
		const [{ body: provision }, { body: history }] = await Promise.all([api('GET', base),
			api('GET', base + '/history?order=NEWEST&size=' + HISTORY_PAGE + '&page=' + pageNumber)]);
		const link = (to, key) => el('a', { class: 'govuk-link', href: '#/history/' + encodeURIComponent(id) + '/' + to },
			t(key));
		document.getElementById('history').replaceChildren(history.items.length === 0
			? el('p', { class: 'govuk-body' }, t('app.history.none'))
			: el('table', { class: 'govuk-table govuk-table--small-text-until-tablet app-history', id: 'history-table' },
				el('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, provision.name),
				el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' },
					['app.history.when', 'app.history.what'].map((key) =>
						el('th', { scope: 'col', class: 'govuk-table__header' }, t(key))))),
				el('tbody', { class: 'govuk-table__body' }, history.items.map((item) =>
					el('tr', { class: 'govuk-table__row', 'data-change': item.change, 'data-version': item.version },
						el('td', { class: 'govuk-table__cell' }, new Date(item.at).toLocaleString(lang === 'cy' ? 'cy-GB'
							: 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })),
						el('td', { class: 'govuk-table__cell' }, historyChange(item)))))),
		el('p', { class: 'govuk-body app-pages' },
			pageNumber > 0 ? link(pageNumber - 1, 'app.history.newer') : null,
			pageNumber + 1 < history.totalPages ? link(pageNumber + 1, 'app.history.older') : null));
	}
	catch (error) {
		report(error);
	}
}

/** One change in words: what it was, to which beds, and the numbers or status before and after. */
function historyChange(item) {
	const counts = (c) => (c ? t('app.provisions.free-of', c.available, c.total) : t('app.none'));
	const status = (s) => (s ? tOr('app.provision-status.' + s.status, s.status) : t('app.none'));
	const parts = [el('strong', {}, tOr('app.history.change.' + item.change, item.change))];
	if (item.bedType) {
		parts.push(el('br'), bedTypeName(item.bedType));
	}
	const vacancy = item.after && item.after.available !== undefined;
	if (item.change !== 'CREATED' && item.change !== 'DETAILS_UPDATED' && (item.before || item.after)) {
		parts.push(el('br'), t('app.history.from-to', vacancy ? counts(item.before) : status(item.before),
			vacancy ? counts(item.after) : status(item.after)));
	}
	if (item.reason) {
		parts.push(el('br'), t('app.history.reason', item.reason));
	}
	parts.push(el('br'), t('app.history.by', item.actor));
	return parts;
}

// ---- panel: the region's queue, a case and its decisions ---------------------------------------

const DECISIONS = {
	APPROVE_OUT_OF_REGION: ['NO_SUITABLE_BED_IN_REGION', 'NEEDS_NOT_MET_IN_REGION', 'CHILD_OR_FAMILY_PREFERENCE',
		'SAFEGUARDING_DISTANCE'],
	REFUSE_OUT_OF_REGION: ['IN_REGION_OPTION_AVAILABLE', 'NEEDS_CAN_BE_MET_IN_REGION', 'TOO_FAR_FROM_HOME',
		'NOT_ENOUGH_INFORMATION'],
	AGREE_JOINT_FUNDING: ['CONTINUING_CARE_ASSESSED', 'JOINTLY_COMMISSIONED_PLACEMENT'],
	REQUEST_INFORMATION: ['ASSESSMENT_NEEDED', 'FUNDING_DETAILS_NEEDED', 'PLACEMENT_DETAILS_NEEDED'],
	CLOSE: ['CHILD_PLACED', 'REFERRAL_CANCELLED', 'NO_LONGER_NEEDED', 'RECORDED_IN_ERROR']
};
const INFORMATION_FROM = ['LOCAL_AUTHORITY', 'HEALTH_BOARD', 'CRISIS_TEAM', 'PROVIDER'];
const FIGURES = ['referrals', 'minutesToFirstHoldMedian', 'minutesToPlacementMedian', 'placed',
	'placedInRegionPercent', 'kmFromChildMedian', 'aAndENightsAvoided', 'escalations', 'crisisStaysPast72h',
	'casesWaitingForFunding'];

/** The message for key, or the code itself where the bundle has no words for it. */
function tOr(key, code) {
	return Object.prototype.hasOwnProperty.call(texts, key) ? t(key) : code;
}

function day(offset) {
	const date = new Date(Date.now() + offset * 86400000);
	return date.toISOString().substring(0, 10);
}

async function renderPanel() {
	const period = new URLSearchParams({ regionCode: user.region, from: day(-30), to: day(0) });
	page(heading('app.panel.heading', regionName(user.region)), el('div', { id: 'queue' }),
		el('h2', { class: 'govuk-heading-m' }, t('app.outcomes.heading')), el('div', { id: 'outcomes' }),
		el('p', { class: 'govuk-body' }, el('a', { class: 'govuk-link', download: 'outcomes.csv',
			href: '/api/panels/v1/exports/outcomes.csv?' + period }, t('app.outcomes.csv'))));
	try {
		await refreshQueue();
		every(QUEUE_MS, () => refreshQueue().catch(() => {
			// a missed refresh is tried again at the next one
		}));
		const { body: figures } = await api('GET', '/api/panels/v1/outcomes?' + period);
		document.getElementById('outcomes').replaceChildren(...outcomeCharts(figures), summary(FIGURES.map((name) =>
			[t('app.outcomes.' + name), figures[name] === null || figures[name] === undefined ? t('app.none')
				: String(figures[name])])));
	}
	catch (error) {
		report(error);
	}
}

// ---- charts: SVG drawn here, each named by its title and described in words -----------------

function svg(tag, attributes, ...children) {
	const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
	Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
	children.flat().forEach((child) => node.append(child));
	return node;
}

/**
 * A horizontal bar chart of [label, value] rows. One colour only: every bar carries its
 * label and number as text, and the chart's title and description say it all in words,
 * so nothing rests on colour or on seeing the picture.
 */
function barChart(id, title, rows) {
	const width = 300;
	const most = Math.max(1, ...rows.map(([, value]) => value || 0));
	const shown = (value) => (value === null || value === undefined ? t('app.none') : String(value));
	const description = rows.map(([label, value]) => label + ': ' + shown(value)).join('; ');
	const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + (rows.length * 48 + 4), width: '100%',
		role: 'img', 'aria-labelledby': id + '-title', 'aria-describedby': id + '-desc', class: 'app-chart__svg',
		'data-chart': id },
	svg('title', { id: id + '-title' }, title),
	svg('desc', { id: id + '-desc' }, description),
	rows.map(([label, value], i) => {
		// the bars leave room after them for the number they stand for
		const bar = Math.round((width - 60) * (value || 0) / most);
		return svg('g', { transform: 'translate(0 ' + (i * 48) + ')' },
			svg('text', { x: 0, y: 16, class: 'app-chart__label' }, label),
			svg('rect', { x: 0, y: 24, height: 16, width: bar, class: 'app-chart__bar' }),
			svg('text', { x: bar + 6, y: 37, class: 'app-chart__value' }, shown(value)));
	}));
	return el('figure', { class: 'app-chart' }, el('h3', { class: 'govuk-heading-s' }, title),
		chart);
}

/** Where the region's children were placed, and how long they waited. */
function outcomeCharts(figures) {
	const inRegion = Math.round(figures.placed * Number(figures.placedInRegionPercent || 0) / 100);
	return [
		barChart('chart-placements', t('app.chart.placements'), [
			[t('app.chart.placements.in-region'), inRegion],
			[t('app.chart.placements.out-of-area'), figures.placed - inRegion]]),
		barChart('chart-waits', t('app.chart.waits'), [
			[t('app.chart.waits.hold-median'), figures.minutesToFirstHoldMedian],
			[t('app.chart.waits.hold-p90'), figures.minutesToFirstHoldP90],
			[t('app.chart.waits.placement-median'), figures.minutesToPlacementMedian],
			[t('app.chart.waits.placement-p90'), figures.minutesToPlacementP90]])];
}

const QUEUE_MS = 15000;

/**
 * The queue as it stands. Redrawn only when what it shows has changed, and the link that
 * had the keyboard focus has it again afterwards, so a refresh never moves a panel
 * member's place on the page.
 */
async function refreshQueue() {
	const { body } = await api('GET', '/api/panels/v1/cases?status=OPEN&regionCode=' + encodeURIComponent(user.region));
	const cases = Array.isArray(body) ? body : (body.items || []);
	const box = document.getElementById('queue');
	if (!box) {
		return;
	}
	const state = JSON.stringify(cases.map((item) => [item.id, item.flags, waited(item.minutesSinceReferral || 0)]));
	if (box.dataset.state === state) {
		return;
	}
	const focused = box.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
	box.dataset.state = state;
	box.replaceChildren(cases.length === 0
		? el('p', { class: 'govuk-body' }, t('app.panel.none'))
		: el('ul', { class: 'app-cards' }, cases.map((item) => el('li', { class: 'app-card', 'data-case': item.id,
			'data-referral': item.referralId },
		el('h2', { class: 'govuk-heading-s' }, el('a', { class: 'govuk-link', href: '#/case/' + item.id },
			t('app.panel.opened-because.' + item.openedBecause))),
		caseSummary(item)))));
	const again = focused ? box.querySelector('a[href="' + focused + '"]') : null;
	if (again) {
		again.focus();
	}
}

function caseSummary(item) {
	return summary([
		[t('app.panel.waited'), waited(item.minutesSinceReferral || 0)],
		[t('app.panel.referred-from'), regionName(item.referringRegionCode || item.regionCode)],
		[t('app.panel.flags'), (item.flags || []).map((flag) => t('app.panel.flag.' + flag)).join(', ') || t('app.none')]
	]);
}

async function renderCase(id) {
	page(heading('app.case.heading'), el('div', { id: 'case' }));
	try {
		const { body } = await api('GET', '/api/panels/v1/cases/' + encodeURIComponent(id));
		let options = [];
		try {
			const { body: referral } = await api('GET', '/api/matching/v1/referrals/' + body.summary.referralId);
			options = referral.outOfRegionOptions || [];
		}
		catch (ignored) {
			// the decision form then asks for the provision's id
		}
		const open = body.summary.status === 'OPEN';
		document.getElementById('case').replaceChildren(
			el('p', { class: 'govuk-body-l' }, t('app.panel.opened-because.' + body.summary.openedBecause)),
			el('p', { class: 'govuk-body' }, t('app.case.reference', body.reference)),
			caseSummary(body.summary),
			el('h2', { class: 'govuk-heading-m' }, t('app.case.timeline')),
			el('ol', { class: 'govuk-list app-timeline' }, (body.timeline || []).map((entry) => el('li', {},
				el('strong', {}, tOr('app.timeline.' + (entry.decision ? entry.decision.type || entry.type : entry.type),
					entry.type)), ' \u00b7 ', ago(entry.at),
				entry.bedType ? ' \u00b7 ' + bedTypeName(entry.bedType) : '',
				entry.reasonCode ? ' \u00b7 ' + tOr('app.decision.reason.' + entry.reasonCode,
					tOr('app.decline-reason.' + entry.reasonCode, entry.reasonCode)) : '',
				entry.distanceKm != null ? ' \u00b7 ' + t('app.km', Number(entry.distanceKm).toFixed(1)) : ''))),
			open ? decisionForm(body.summary, options) : el('p', { class: 'govuk-body' }, t('app.case.closed')));
	}
	catch (error) {
		report(error);
	}
}

function decisionForm(item, options) {
	const type = select('type', Object.keys(DECISIONS).map((code) => [code, t('app.decision.type.' + code)]),
		'APPROVE_OUT_OF_REGION');
	const fields = el('div', { id: 'decision-fields' });
	const fill = () => {
		const chosen = type.value;
		const parts = [field('reasonCode', t('app.decision.reason'), select('reasonCode',
			DECISIONS[chosen].map((code) => [code, t('app.decision.reason.' + code)])))];
		if (chosen.endsWith('_OUT_OF_REGION')) {
			parts.push(field('provisionId', t('app.decision.provision'), options.length
				? select('provisionId', options.map((o) => [o.provisionId, (o.name || o.provisionId) + ' \u2013 '
					+ t('app.km', Number(o.distanceKm || 0).toFixed(1))]))
				: el('input', { class: 'govuk-input', id: 'f-provisionId', name: 'provisionId', autocomplete: 'off' })));
		}
		if (chosen === 'AGREE_JOINT_FUNDING') {
			['localAuthoritySharePercent', 'healthBoardSharePercent'].forEach((name) => parts.push(field(name,
				t('app.decision.' + name), el('input', { class: 'govuk-input govuk-input--width-3', id: 'f-' + name, name,
					inputmode: 'numeric' }))));
			parts.push(field('agreedOn', t('app.decision.agreedOn'), el('input', { class: 'govuk-input govuk-input--width-10',
				id: 'f-agreedOn', name: 'agreedOn', type: 'date' })),
			field('agreementReference', t('app.decision.agreementReference'), el('input', { class: 'govuk-input',
				id: 'f-agreementReference', name: 'agreementReference', autocomplete: 'off' })));
		}
		if (chosen === 'REQUEST_INFORMATION') {
			parts.push(field('informationFrom', t('app.decision.informationFrom'), select('informationFrom',
				INFORMATION_FROM.map((code) => [code, t('app.decision.from.' + code)]))),
			field('informationBy', t('app.decision.informationBy'), el('input', { class: 'govuk-input govuk-input--width-10',
				id: 'f-informationBy', name: 'informationBy', type: 'date' })));
		}
		fields.replaceChildren(...parts);
	};
	type.addEventListener('change', fill);
	fill();
	return el('form', { id: 'decision-form', novalidate: true, onsubmit: (event) => {
		event.preventDefault();
		const decision = {};
		new FormData(event.target).forEach((value, name) => {
			const text = String(value).trim();
			if (text !== '') {
				decision[name] = name.endsWith('Percent') && /^\d+$/.test(text) ? Number(text) : text;
			}
		});
		decide(item, decision);
	} },
	el('h2', { class: 'govuk-heading-m' }, t('app.decision.heading')),
	field('type', t('app.decision.type'), type), fields,
	el('button', { type: 'submit', class: 'govuk-button', id: 'decision-submit' }, t('app.decision.submit')));
}

async function decide(item, decision) {
	clearErrors();
	try {
		await api('POST', '/api/panels/v1/cases/' + item.id + '/decisions', { body: decision });
		await renderCase(item.id);
		say(t('app.decision.recorded'));
	}
	catch (error) {
		report(error);
	}
}

// ---- start ------------------------------------------------------------------------------

async function switchLanguage(wanted) {
	try {
		await loadTexts(wanted);
		applyTexts();
		render();
	}
	catch (error) {
		report(error);
	}
}

async function start() {
	document.body.classList.add('govuk-frontend-supported');
	const wanted = localStorage.getItem(LANG_KEY)
		|| ((navigator.language || '').toLowerCase().startsWith('cy') ? 'cy' : 'en');
	try {
		await Promise.all([loadTexts(wanted), loadUser()]);
	}
	catch (error) {
		document.getElementById('view').textContent = 'Noddfa could not load its words. / Methodd Noddfa lwytho ei geiriau.';
		return;
	}
	applyTexts();
	openFeed();
	document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => switchLanguage(b.dataset.lang)));
	document.getElementById('sign-out').addEventListener('click', signOut);
	document.getElementById('error-list').addEventListener('click', (event) => {
		const link = event.target.closest('a[data-field]');
		if (link) {
			event.preventDefault();
			document.getElementById('f-' + link.dataset.field).focus();
		}
	});
	window.addEventListener('hashchange', () => {
		// in-page links (the skip link) are not pages
		if (window.location.hash === '' || window.location.hash.startsWith('#/')) {
			render();
		}
	});
	await render();
	initAll();
	document.body.dataset.ready = 'true';
}

start();
