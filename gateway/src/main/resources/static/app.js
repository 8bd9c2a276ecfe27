// Noddfa web app: plain script, no build step, no third-party code. Every word it shows
// comes from the gateway's message bundles (GET /app/messages), so English and Welsh are
// corrected in one place. The access token lives in sessionStorage: it goes when the tab
// closes, and it is only ever sent to this origin.
'use strict';

(function () {
	const TOKEN_KEY = 'noddfa.token';
	const LANG_KEY = 'noddfa.lang';

	const ROLES = ['CRISIS_TEAM', 'PANEL', 'PROVIDER', 'ADMIN'];
	const SEXES = ['', 'FEMALE', 'MALE', 'OTHER', 'UNKNOWN'];
	const DEMO_PROVIDERS = ['cardiff-and-vale-partnership', 'cwm-taf-morgannwg-partnership', 'gwent-partnership',
		'north-wales-partnership', 'swansea-bay-health-board', 'west-wales-partnership',
		'wrexham-and-health-board'];

	const OPTIONS = {
		roles: () => ROLES.map((role) => [role, t('app.role.' + role)]),
		regions: () => reference.regions.map((code) => [code, t('app.region.' + code)]),
		devRegions: () => devRegions.map((code) => [code, t('app.region.' + code)]),
		bedTypes: () => reference.bedTypes.map((type) => [type, t('app.bed-type.' + type)]),
		sexes: () => SEXES.map((sex) => [sex, t(sex ? 'app.sex.' + sex : 'app.sex.any')])
	};

	let lang = 'en';
	let texts = {};
	let user = null;
	let devIssuer = false;
	let lastSearch = null;
	// the registry's lists (GET /api/registry/v1/reference), loaded once signed in
	let reference = { regions: [], needs: [], bedTypes: [] };
	// the regions the development issuer signs demo teams in for (GET /dev-auth/regions)
	let devRegions = [];

	// ---- words --------------------------------------------------------------------------

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
		sessionStorage.setItem(LANG_KEY, lang);
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
		document.querySelectorAll('select[data-options]').forEach((select) => {
			const chosen = select.value;
			select.replaceChildren(...OPTIONS[select.dataset.options]().map(([value, label]) => option(value, label)));
			if (chosen !== '') {
				select.value = chosen;
			}
		});
		renderNeeds();
		renderWho();
	}

	function option(value, label) {
		const node = document.createElement('option');
		node.value = value;
		node.textContent = label;
		return node;
	}

	function renderNeeds() {
		const box = document.getElementById('search-needs');
		const ticked = new Set([...box.querySelectorAll('input:checked')].map((input) => input.value));
		box.replaceChildren(...reference.needs.map((code) => {
			const label = document.createElement('label');
			label.className = 'check';
			const input = document.createElement('input');
			input.type = 'checkbox';
			input.name = 'needs';
			input.value = code;
			input.checked = ticked.has(code);
			label.append(input, ' ', t('app.need.' + code));
			return label;
		}));
	}

	// ---- small DOM helpers ------------------------------------------------------------------

	function el(tag, attributes, ...children) {
		const node = document.createElement(tag);
		Object.entries(attributes || {}).forEach(([name, value]) => {
			if (value === true) {
				node.setAttribute(name, '');
			}
			else if (value !== false && value !== null && value !== undefined) {
				node.setAttribute(name, String(value));
			}
		});
		children.flat().forEach((child) => {
			if (child !== null && child !== undefined) {
				node.append(child instanceof Node ? child : String(child));
			}
		});
		return node;
	}

	function show(id, visible) {
		document.getElementById(id).hidden = !visible;
	}

	function say(text) {
		document.getElementById('status').textContent = text;
	}

	function when(iso) {
		if (!iso) {
			return t('app.never');
		}
		return new Date(iso).toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB',
			{ dateStyle: 'medium', timeStyle: 'short' });
	}

	// ---- problems ---------------------------------------------------------------------------

	function showProblem(title, detail, field) {
		document.getElementById('problem-title').textContent = title;
		document.getElementById('problem-detail').textContent = detail || '';
		document.getElementById('problem-field').textContent = field ? t('app.problem.field', field) : '';
		const box = document.getElementById('problem');
		box.hidden = false;
		box.focus();
	}

	function clearProblem() {
		document.getElementById('problem').hidden = true;
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
			showProblem(error.body.title || t('app.problem.unexpected', error.status), error.body.detail,
				error.body.field);
			if (error.status === 401) {
				signOut(false);
			}
		}
		else {
			showProblem(t('app.problem.network.title'), t('app.problem.network.detail'));
		}
	}

	// ---- talking to the API -----------------------------------------------------------------

	/** Calls the API with the token and the page's language; resolves to {body, response}. */
	async function api(method, path, options = {}) {
		const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': lang };
		if (user) {
			headers.Authorization = 'Bearer ' + user.token;
		}
		if (options.body !== undefined) {
			headers['Content-Type'] = 'application/json';
		}
		Object.assign(headers, options.headers || {});
		const response = await fetch(path, {
			method,
			headers,
			body: options.body !== undefined ? JSON.stringify(options.body) : undefined
		});
		if (!response.ok) {
			throw await problemOf(response);
		}
		const body = response.status === 204 ? null : await response.json();
		return { body, response };
	}

	/** The registry's regions, needs and bed types: the lists are data, kept in one place. */
	async function loadReference() {
		try {
			const { body } = await api('GET', '/api/registry/v1/reference');
			reference = {
				regions: (body.regions || []).map((region) => region.code),
				needs: (body.needs || []).map((need) => need.code),
				bedTypes: body.bedTypes || []
			};
			applyTexts();
			if (user && user.region) {
				document.getElementById('search-region').value = user.region;
			}
		}
		catch (error) {
			report(error);
		}
	}

	// ---- who is signed in -------------------------------------------------------------------

	function claimsOf(token) {
		const part = token.split('.')[1];
		if (!part) {
			return null;
		}
		try {
			const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
			const json = decodeURIComponent(Array.from(atob(base64),
				(c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
			return JSON.parse(json);
		}
		catch (ignored) {
			return null;
		}
	}

	/** Reads the claims only to choose what to show: the gateway and the services check the token. */
	function signIn(token) {
		const claims = claimsOf(token.trim());
		if (!claims) {
			showProblem(t('app.sign-in.unreadable.title'), t('app.sign-in.unreadable.detail'));
			return false;
		}
		if (claims.exp && claims.exp * 1000 <= Date.now()) {
			showProblem(t('app.sign-in.expired.title'), t('app.sign-in.expired.detail'));
			return false;
		}
		const roles = Array.isArray(claims.roles) ? claims.roles : [];
		user = { token: token.trim(), subject: claims.sub, roles, region: claims.region,
			providerId: claims.provider_id, expires: claims.exp };
		sessionStorage.setItem(TOKEN_KEY, user.token);
		clearProblem();
		renderSignedIn();
		return true;
	}

	function signOut(announce) {
		user = null;
		lastSearch = null;
		sessionStorage.removeItem(TOKEN_KEY);
		document.getElementById('search-results').replaceChildren();
		document.getElementById('referrals-list').replaceChildren();
		document.getElementById('provisions-list').replaceChildren();
		renderSignedIn();
		if (announce) {
			say(t('app.signed-out'));
		}
	}

	function has(role) {
		return user !== null && user.roles.includes(role);
	}

	function renderWho() {
		if (!user) {
			show('who', false);
			return;
		}
		const role = user.roles.length ? t('app.role.' + user.roles[0]) : t('app.role.none');
		const tenant = user.region ? t('app.region.' + user.region) : (user.providerId || '');
		document.getElementById('who-text').textContent = tenant
			? t('app.signed-in-as.tenant', role, tenant) : t('app.signed-in-as', role);
		show('who', true);
		document.getElementById('referrals-intro').textContent = user.region
			? t('app.referrals.intro', t('app.region.' + user.region)) : '';
		document.getElementById('provisions-intro').textContent = user.providerId
			? t('app.provisions.intro', user.providerId) : '';
	}

	function renderSignedIn() {
		const signedIn = user !== null;
		show('sign-in', !signedIn);
		show('dev-sign-in', !signedIn && devIssuer);
		show('search', signedIn);
		show('referrals', has('CRISIS_TEAM') || has('PANEL'));
		show('provisions', has('PROVIDER'));
		renderWho();
		if (signedIn && reference.regions.length === 0) {
			loadReference();
		}
		if (signedIn && user.region) {
			document.getElementById('search-region').value = user.region;
		}
		if (has('CRISIS_TEAM') || has('PANEL')) {
			loadReferrals();
		}
		if (has('PROVIDER')) {
			loadProvisions();
		}
	}

	async function devSignIn(event) {
		event.preventDefault();
		clearProblem();
		const role = document.getElementById('dev-role').value;
		const request = { role };
		if (role === 'CRISIS_TEAM' || role === 'PANEL') {
			request.region = document.getElementById('dev-region').value;
		}
		if (role === 'PROVIDER') {
			request.providerId = document.getElementById('dev-provider').value.trim();
		}
		try {
			const { body } = await api('POST', '/dev-auth/token', { body: request });
			if (signIn(body.access_token)) {
				say(t('app.signed-in'));
			}
		}
		catch (error) {
			report(error);
		}
	}

	function devRoleChanged() {
		const role = document.getElementById('dev-role').value;
		show('dev-region-field', role === 'CRISIS_TEAM' || role === 'PANEL');
		show('dev-provider-field', role === 'PROVIDER');
		document.getElementById('dev-provider').required = role === 'PROVIDER';
	}

	// ---- searching for a bed ----------------------------------------------------------------

	function searchSubmitted(event) {
		event.preventDefault();
		search(queryOf(new FormData(event.target)));
	}

	function queryOf(form) {
		const query = new URLSearchParams();
		['regionCode', 'place', 'age', 'sex', 'bedType', 'maxKm'].forEach((name) => {
			const value = String(form.get(name) || '').trim();
			if (value !== '') {
				query.set(name, value);
			}
		});
		const needs = form.getAll('needs');
		if (needs.length) {
			query.set('needs', needs.join(','));
		}
		return query;
	}

	async function search(query) {
		clearProblem();
		lastSearch = query;
		say(t('app.search.searching'));
		try {
			const { body } = await api('GET', '/api/matching/v1/searches?' + query.toString());
			renderResults(body);
			say(t('app.search.found', body.candidates.length));
		}
		catch (error) {
			say('');
			report(error);
		}
	}

	function yesNo(value) {
		return value ? t('app.yes') : t('app.no');
	}

	function renderResults(answer) {
		const results = document.getElementById('search-results');
		const parts = [el('h3', {}, t('app.search.results.heading'))];
		if (answer.candidates.length === 0) {
			parts.push(el('p', {}, t('app.search.none')));
		}
		else {
			const head = el('tr', {}, ['name', 'region', 'distance', 'beds-free', 'in-region', 'confirmed', 'why']
				.map((column) => el('th', { scope: 'col' }, t('app.search.column.' + column))));
			const rows = answer.candidates.map((candidate) => el('tr', { class: candidate.inRegion ? '' : 'out' },
				el('th', { scope: 'row' }, candidate.name, el('br'), el('span', { class: 'hint' }, candidate.provisionId)),
				el('td', {}, t('app.region.' + candidate.regionCode)),
				el('td', { class: 'number' }, t('app.km', Number(candidate.distanceKm).toFixed(1))),
				el('td', { class: 'number' }, candidate.bedsFree),
				el('td', {}, yesNo(candidate.inRegion)),
				el('td', { class: candidate.confirmed ? '' : 'unconfirmed' }, candidate.confirmed
					? t('app.search.confirmed', when(candidate.confirmedAt))
					: t('app.search.unconfirmed', when(candidate.confirmedAt))),
				el('td', {}, el('ul', {}, (candidate.reasons || []).map((reason) => el('li', {}, reason.message))))));
			parts.push(el('table', {}, el('caption', {}, t('app.search.results.caption', when(answer.searchedAt))),
				el('thead', {}, head), el('tbody', {}, rows)));
		}
		const excluded = answer.excluded || [];
		const total = excluded.reduce((sum, item) => sum + item.count, 0);
		parts.push(el('h3', {}, t('app.search.excluded.heading', total)));
		if (excluded.length) {
			parts.push(el('ul', {}, excluded.map((item) => el('li', {},
				item.message || t('app.search.excluded.line', item.count, item.reason)))));
		}
		results.replaceChildren(...parts);
	}

	// ---- a crisis team's or panel's referrals -----------------------------------------------

	async function loadReferrals() {
		if (!user || !user.region) {
			return;
		}
		try {
			const { body } = await api('GET', '/api/matching/v1/referrals?regionCode='
				+ encodeURIComponent(user.region));
			renderReferrals(body);
		}
		catch (error) {
			report(error);
		}
	}

	function renderReferrals(referrals) {
		const list = document.getElementById('referrals-list');
		if (!referrals.length) {
			list.replaceChildren(el('p', {}, t('app.referrals.none')));
			return;
		}
		const head = el('tr', {}, ['reference', 'status', 'bed-type', 'age', 'needs', 'updated']
			.map((column) => el('th', { scope: 'col' }, t('app.referrals.column.' + column))));
		const rows = referrals.map((referral) => el('tr', {},
			el('th', { scope: 'row' }, referral.reference),
			el('td', {}, t('app.referral-status.' + referral.status)),
			el('td', {}, t('app.bed-type.' + referral.bedType)),
			el('td', { class: 'number' }, referral.age),
			el('td', {}, (referral.needs || []).map((need) => t('app.need.' + need)).join(', ')),
			el('td', {}, when(referral.updatedAt))));
		list.replaceChildren(el('table', {}, el('caption', {}, t('app.referrals.caption', referrals.length)),
			el('thead', {}, head), el('tbody', {}, rows)));
	}

	// ---- a provider's provisions ------------------------------------------------------------

	async function loadProvisions() {
		if (!user || !user.providerId) {
			return;
		}
		try {
			const { body } = await api('GET', '/api/registry/v1/provisions?size=100&providerId='
				+ encodeURIComponent(user.providerId));
			const list = document.getElementById('provisions-list');
			if (!body.items.length) {
				list.replaceChildren(el('p', {}, t('app.provisions.none')));
				return;
			}
			list.replaceChildren(...body.items.map(provisionCard));
		}
		catch (error) {
			report(error);
		}
	}

	function provisionCard(provision) {
		const card = el('article', { class: 'card provision', id: 'provision-' + provision.provisionId },
			el('h3', {}, provision.name),
			el('p', {}, t('app.provisions.summary', provision.provisionId, t('app.provision-status.' + provision.status),
				provision.version)),
			(provision.vacancies || []).map((vacancy) => vacancyForm(provision, vacancy)));
		return card;
	}

	function vacancyForm(provision, vacancy) {
		const prefix = 'v-' + provision.provisionId + '-' + vacancy.bedType;
		const total = el('input', { id: prefix + '-total', type: 'number', min: 0, max: 999, required: true,
			inputmode: 'numeric', value: vacancy.total });
		const available = el('input', { id: prefix + '-available', type: 'number', min: 0, max: 999, required: true,
			inputmode: 'numeric', value: vacancy.available });
		const form = el('form', { class: 'vacancy' },
			el('h4', {}, t('app.bed-type.' + vacancy.bedType)),
			el('p', { class: 'hint' }, t('app.provisions.confirmed-at', when(vacancy.confirmedAt))),
			el('div', { class: 'row' },
				el('div', { class: 'field' }, el('label', { for: prefix + '-total' }, t('app.field.total')), total),
				el('div', { class: 'field' }, el('label', { for: prefix + '-available' }, t('app.field.available')),
					available)),
			el('button', { type: 'submit' }, t('app.provisions.save')),
			' ',
			el('button', { type: 'button', class: 'secondary' }, t('app.provisions.still-accurate')));
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			changeProvision(provision, 'PUT', '/vacancies/' + encodeURIComponent(vacancy.bedType),
				{ total: Number(total.value), available: Number(available.value) }, 'app.provisions.saved');
		});
		form.querySelector('button[type=button]').addEventListener('click', () => {
			changeProvision(provision, 'POST', '/confirmations', { bedType: vacancy.bedType },
				'app.provisions.confirmed');
		});
		return form;
	}

	/** A change guarded by the version the provider saw: someone else's change in between is a 412. */
	async function changeProvision(provision, method, path, body, doneKey) {
		clearProblem();
		try {
			const { body: changed } = await api(method,
				'/api/registry/v1/provisions/' + encodeURIComponent(provision.provisionId) + path,
				{ body, headers: { 'If-Match': '"' + provision.version + '"' } });
			document.getElementById('provision-' + provision.provisionId).replaceWith(provisionCard(changed));
			say(t(doneKey, changed.name));
		}
		catch (error) {
			report(error);
			if (error instanceof Problem && error.status === 412) {
				loadProvisions();
			}
		}
	}

	// ---- start ------------------------------------------------------------------------------

	async function switchLanguage(wanted) {
		try {
			await loadTexts(wanted);
			applyTexts();
			if (user) {
				renderSignedIn();
				if (lastSearch) {
					// asked again, so the explanations come back in the new language too
					search(lastSearch);
				}
			}
		}
		catch (error) {
			report(error);
		}
	}

	async function start() {
		const wanted = sessionStorage.getItem(LANG_KEY)
			|| ((navigator.language || '').toLowerCase().startsWith('cy') ? 'cy' : 'en');
		try {
			await loadTexts(wanted);
		}
		catch (error) {
			showProblem('Noddfa', String(error));
			return;
		}
		document.getElementById('demo-providers')
			.replaceChildren(...DEMO_PROVIDERS.map((id) => option(id, id)));
		try {
			const regions = await fetch('/dev-auth/regions', { headers: { Accept: 'application/json' } });
			devIssuer = regions.ok;
			devRegions = devIssuer ? await regions.json() : [];
		}
		catch (ignored) {
			devIssuer = false;
		}
		applyTexts();
		devRoleChanged();
		document.querySelectorAll('[data-lang]')
			.forEach((button) => button.addEventListener('click', () => switchLanguage(button.dataset.lang)));
		document.getElementById('dev-role').addEventListener('change', devRoleChanged);
		document.getElementById('dev-sign-in').addEventListener('submit', devSignIn);
		document.getElementById('token-sign-in').addEventListener('submit', (event) => {
			event.preventDefault();
			if (signIn(document.getElementById('token').value)) {
				document.getElementById('token').value = '';
				say(t('app.signed-in'));
			}
		});
		document.getElementById('sign-out').addEventListener('click', () => signOut(true));
		document.getElementById('search-form').addEventListener('submit', searchSubmitted);
		document.getElementById('referrals-refresh').addEventListener('click', loadReferrals);
		document.getElementById('provisions-refresh').addEventListener('click', loadProvisions);
		const saved = sessionStorage.getItem(TOKEN_KEY);
		if (!saved || !signIn(saved)) {
			sessionStorage.removeItem(TOKEN_KEY);
			renderSignedIn();
		}
	}

	document.addEventListener('DOMContentLoaded', start);
}());
