// DeskGraph dashboard: every number on this page comes from the public GraphQL API, through the operations of
// /examples/dashboard.graphql sent as automatic persisted queries, so it is also a reference for your own front end.
(function () {
	'use strict';

	const KEY_STORAGE = 'deskgraph.apiKey';
	const OPERATIONS_URL = '/examples/dashboard.graphql';
	const GRAPHQL_URL = '/graphql';
	// The idle table loads at most this many pages of 100: a bound on what one visit asks of the vendors.
	const IDLE_PAGE_SIZE = 100;
	const IDLE_MAX_PAGES = 10;
	const EXPORT_POLL_MS = 2000;
	const EXPORT_POLL_LIMIT = 150;
	const TREND_DESKTOPS = 5;
	// Alibaba answers daily usage with one vendor call per day: longer trends would pass a request's vendor-call budget.
	const TREND_MAX_DAYS = 30;
	// A PENDING account (a long vendor drain in the background) is asked again when it says it will be ready.
	const PENDING_RETRIES = 20;
	const STATE_ORDER = ['FAILED', 'STALE', 'PENDING', 'UNSUPPORTED', 'OK'];

	const hours = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
	const counts = new Intl.NumberFormat();
	const clock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

	const view = {
		operations: null,
		savings: null,
		accounts: [],
		sources: new Map(),
		answers: new Map(),
		charts: new Map(),
		idle: { rows: [], sort: { key: 'lastDisconnectedAt', ascending: true }, complete: true },
		exports: [],
		retries: new Map(),
		generation: 0
	};

	// ---- talking to the gateway

	/** A failure of the request itself (no GraphQL answer): authentication, rate limit, network, server. */
	class RequestFailure extends Error {
		constructor(kind, message) {
			super(message);
			this.kind = kind;
		}
	}

	function apiKey() {
		return sessionStorage.getItem(KEY_STORAGE);
	}

	function headers(extra) {
		const result = Object.assign({ 'Accept': 'application/graphql-response+json, application/json' }, extra);
		const key = apiKey();
		if (key) {
			result['X-API-Key'] = key;
		}
		return result;
	}

	/** Splits the shipped operations file into one document per operation, comments left out. */
	function parseOperations(text) {
		const operations = {};
		let name = null;
		let lines = [];
		const flush = () => {
			if (name) {
				operations[name] = lines.join('\n').trim();
			}
		};
		for (const line of text.split('\n')) {
			const start = /^(query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(line);
			if (start) {
				flush();
				name = start[2];
				lines = [line];
			}
			else if (name && !line.trimStart().startsWith('#')) {
				lines.push(line);
			}
		}
		flush();
		return operations;
	}

	async function sha256(text) {
		if (window.isSecureContext && window.crypto && window.crypto.subtle) {
			const digest = await window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
			return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
		}
		return window.deskgraphSha256(text);
	}

	async function loadOperations() {
		const response = await fetch(OPERATIONS_URL, { headers: { 'Accept': 'text/plain' } });
		if (!response.ok) {
			throw new RequestFailure('server', 'The dashboard operations (' + OPERATIONS_URL + ') answered HTTP '
				+ response.status + '.');
		}
		view.operations = parseOperations(await response.text());
	}

	async function post(body) {
		let response;
		try {
			response = await fetch(GRAPHQL_URL, {
				method: 'POST',
				headers: headers({ 'Content-Type': 'application/json' }),
				body: JSON.stringify(body)
			});
		}
		catch (error) {
			throw new RequestFailure('network', 'DeskGraph could not be reached (' + error.message + ').');
		}
		if (response.status === 401) {
			askForKey(apiKey() ? 'The API key was refused. Enter a valid key.' : null);
			throw new RequestFailure('auth', 'This gateway needs an API key.');
		}
		if (response.status === 403) {
			throw new RequestFailure('auth', 'This API key may not use this part of the gateway (HTTP 403).');
		}
		if (response.status === 429) {
			const wait = response.headers.get('Retry-After');
			const message = 'Too many requests: DeskGraph limits how often each client may ask.'
				+ (wait ? ' Try again in ' + wait + ' s.' : ' Try again shortly.');
			showNotice(message);
			throw new RequestFailure('rate', message);
		}
		let json = null;
		try {
			json = await response.json();
		}
		catch (error) {
			json = null;
		}
		if (!json || (!json.data && !json.errors)) {
			throw new RequestFailure('server', 'DeskGraph answered HTTP ' + response.status + ' without a GraphQL answer.');
		}
		return json;
	}

	/** Runs a shipped operation as an automatic persisted query: the hash first, the text only when asked for. */
	async function run(name, variables) {
		const document = view.operations[name];
		if (!document) {
			throw new RequestFailure('server', 'The operation ' + name + ' is missing from ' + OPERATIONS_URL + '.');
		}
		const body = {
			operationName: name,
			variables: variables || {},
			extensions: { persistedQuery: { version: 1, sha256Hash: await sha256(document) } }
		};
		let json = await post(body);
		if (json.errors && json.errors.some((e) => e.extensions && e.extensions.classification === 'PERSISTED_QUERY_NOT_FOUND')) {
			json = await post(Object.assign({ query: document }, body));
		}
		return json;
	}

	// ---- notices and authentication

	function showNotice(message) {
		const notice = document.getElementById('notice');
		notice.textContent = message;
		notice.hidden = !message;
	}

	function askForKey(message) {
		const auth = document.getElementById('auth');
		auth.hidden = false;
		if (message) {
			document.getElementById('auth-message').textContent = message;
		}
		document.getElementById('api-key').focus();
	}

	// ---- the period and the filters

	function todayIn(zone) {
		// en-CA writes dates as yyyy-MM-dd.
		return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
			.format(new Date());
	}

	function addDays(date, days) {
		const day = new Date(date + 'T00:00:00Z');
		day.setUTCDate(day.getUTCDate() + days);
		return day.toISOString().slice(0, 10);
	}

	/** Today as the query's range sees it: the latest today among the accounts shown (each has its day zone). */
	function latestToday() {
		const zones = selectedAccounts().map((account) => account.dayZone);
		const days = (zones.length ? zones : ['UTC']).map(todayIn);
		return days.sort()[days.length - 1];
	}

	function period() {
		const choice = document.getElementById('period').value;
		const today = latestToday();
		if (choice === 'custom') {
			const from = document.getElementById('from').value;
			const to = document.getElementById('to').value;
			if (!from || !to) {
				return { error: 'Choose the first and the last day of the custom period.' };
			}
			if (from > to) {
				return { error: 'The custom period starts after it ends.' };
			}
			return { from, to, label: from + ' to ' + to };
		}
		if (choice === 'month') {
			return { from: today.slice(0, 8) + '01', to: today, label: 'this month, ' + today.slice(0, 8) + '01 to ' + today };
		}
		const days = Number(choice);
		const from = addDays(today, 1 - days);
		return { from, to: today, label: 'the last ' + days + ' days, ' + from + ' to ' + today };
	}

	function checkedValues(name) {
		return Array.from(document.querySelectorAll('input[name="' + name + '"]:checked'), (input) => input.value);
	}

	function selectedAccounts() {
		const vendors = checkedValues('vendor');
		const ids = checkedValues('account');
		return view.accounts.filter((account) => vendors.includes(account.vendor) && ids.includes(account.id));
	}

	/** vendors and accountIds arguments: left out when everything is selected, as a hand-written query would. */
	function scope() {
		const vendors = checkedValues('vendor');
		const ids = checkedValues('account');
		const variables = {};
		if (vendors.length < 2) {
			variables.vendors = vendors;
		}
		if (ids.length < view.accounts.length) {
			variables.accountIds = ids;
		}
		return variables;
	}

	function renderAccountFilter() {
		const box = document.getElementById('account-filter');
		box.replaceChildren(...view.accounts.map((account) => {
			const label = element('label', {}, [
				element('input', { type: 'checkbox', name: 'account', value: account.id, checked: true }),
				' ' + accountName(account)
			]);
			return label;
		}));
		const exportAccount = document.getElementById('export-account');
		const huawei = view.accounts.filter((account) => account.vendor === 'HUAWEI');
		exportAccount.replaceChildren(...huawei.map((account) =>
			element('option', { value: account.id }, [accountName(account)])));
		document.getElementById('export-start').disabled = huawei.length === 0;
		if (huawei.length === 0) {
			panelState('exports', 'No Huawei account is configured: exports are a Huawei API.');
		}
	}

	// ---- small DOM helpers

	function element(tag, attributes, children) {
		const node = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes || {})) {
			if (value === false || value === null || value === undefined) {
				continue;
			}
			if (name === 'className') {
				node.className = value;
			}
			else if (name === 'checked' || name === 'disabled' || name === 'hidden') {
				node[name] = value;
			}
			else if (name.startsWith('on')) {
				node.addEventListener(name.slice(2), value);
			}
			else {
				node.setAttribute(name, value === true ? '' : String(value));
			}
		}
		for (const child of children || []) {
			if (child !== null && child !== undefined) {
				node.append(child);
			}
		}
		return node;
	}

	function accountName(account) {
		const vendor = account.vendor === 'HUAWEI' ? 'Huawei' : 'Alibaba';
		return (account.name || account.id) + ' (' + vendor + ')';
	}

	function accountLabel(id) {
		const account = view.accounts.find((candidate) => candidate.id === id);
		return account ? accountName(account) : id;
	}

	function hoursText(value) {
		return hours.format(value) + ' h';
	}

	function timeElement(instant) {
		if (!instant) {
			return element('span', { className: 'muted' }, ['never']);
		}
		return element('time', { datetime: instant }, [clock.format(new Date(instant))]);
	}

	function panel(id) {
		return document.getElementById(id);
	}

	function panelState(id, text, isError) {
		const state = panel(id).querySelector('.state');
		state.textContent = text || '';
		state.classList.toggle('error', Boolean(isError));
	}

	function panelBody(id, ...children) {
		panel(id).querySelector('.body').replaceChildren(...children);
	}

	function busy(id, isBusy) {
		panel(id).setAttribute('aria-busy', String(isBusy));
	}

	function cssColor(name) {
		return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
	}

	function seriesColor(index) {
		return cssColor('--series-' + ((index % 6) + 1));
	}

	function chart(id, canvas, config) {
		const old = view.charts.get(id);
		if (old) {
			old.destroy();
		}
		const text = cssColor('--text');
		const line = cssColor('--line');
		config.options = Object.assign({
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			color: text
		}, config.options || {});
		for (const axis of Object.values(config.options.scales || {})) {
			axis.ticks = Object.assign({ color: text }, axis.ticks || {});
			axis.grid = Object.assign({ color: line }, axis.grid || {});
			if (axis.title) {
				axis.title.color = text;
			}
		}
		view.charts.set(id, new window.Chart(canvas, config));
	}

	function chartBox(id, description, small) {
		const canvas = element('canvas', { role: 'img', 'aria-label': description, id: id + '-chart' });
		return element('div', { className: small ? 'chart small' : 'chart' }, [canvas]);
	}

	// ---- sources

	function worst(states) {
		return STATE_ORDER.find((state) => states.includes(state)) || 'OK';
	}

	/** Notes under a panel for every account that did not answer in full; a FAILED one greyed, with why. */
	function sourceNotes(sources) {
		const notes = (sources || []).filter((source) => source.state !== 'OK');
		if (!notes.length) {
			return null;
		}
		return element('ul', { className: 'source-notes' }, notes.map((source) => element('li', {
			className: source.state === 'FAILED' ? 'failed-part' : null,
			'data-account': source.accountId,
			'data-state': source.state
		}, [
			element('span', { className: 'badge ' + source.state }, [source.state]), ' ',
			accountLabel(source.accountId), ': ', describe(source)
		])));
	}

	function describe(source) {
		if (source.state === 'UNSUPPORTED') {
			return 'the vendor has no API for this.';
		}
		if (!source.error) {
			return source.state === 'STALE' ? 'served from older data.' : '';
		}
		let text = source.error.message;
		if (source.error.retryAfterSeconds) {
			text += ' (ready in about ' + source.error.retryAfterSeconds + ' s)';
		}
		return text;
	}

	function recordSources(panelId, sources) {
		view.sources.set(panelId, sources || []);
		renderSources();
	}

	/** Asks a panel's question again when an account's data is still being fetched, until it is ready. */
	function followUp(id, sources, generation, reload) {
		const pending = (sources || []).filter((source) => source.state === 'PENDING');
		const box = panel(id);
		if (!pending.length) {
			view.retries.delete(id);
			box.setAttribute('data-pending', 'false');
			return;
		}
		const tries = (view.retries.get(id) || 0) + 1;
		if (tries > PENDING_RETRIES) {
			box.setAttribute('data-pending', 'false');
			panelState(id, 'Some accounts are still fetching their data; refresh later to see it.');
			return;
		}
		view.retries.set(id, tries);
		box.setAttribute('data-pending', 'true');
		const wait = Math.min(30, Math.max(1, ...pending.map((source) => (source.error && source.error.retryAfterSeconds) || 2)));
		setTimeout(() => {
			if (generation === view.generation) {
				reload(generation);
			}
		}, wait * 1000);
	}

	function renderSources() {
		const list = document.getElementById('source-list');
		list.replaceChildren(...view.accounts.map((account) => {
			const seen = [];
			for (const sources of view.sources.values()) {
				seen.push(...sources.filter((source) => source.accountId === account.id));
			}
			const state = seen.length ? worst(seen.map((source) => source.state)) : 'UNKNOWN';
			const fetched = seen.map((source) => source.fetchedAt).filter(Boolean).sort();
			const failure = seen.find((source) => source.state === state && source.error);
			return element('li', {
				className: 'source state-' + state + (state === 'FAILED' ? ' failed-part' : ''),
				'data-account': account.id,
				'data-state': state
			}, [
				element('span', { className: 'name' }, [accountName(account)]), ' ',
				element('span', { className: 'badge ' + state }, [state === 'UNKNOWN' ? 'NOT ASKED' : state]),
				element('span', { className: 'why' }, fetched.length
					? ['fetched ', timeElement(fetched[0])] : ['no data fetched yet']),
				failure ? element('span', { className: 'why' }, [failure.error.message]) : null
			]);
		}));
	}

	/** Shows a GraphQL answer's errors (the request was answered, some of it failed) in the panel's state line. */
	function answerErrors(id, json) {
		if (!json.errors || !json.errors.length) {
			return false;
		}
		const messages = json.errors.map((e) => e.message).join(' ');
		panelState(id, (json.data ? 'Part of this answer failed: ' : 'This question failed: ') + messages, true);
		return true;
	}

	function failed(id, error) {
		busy(id, false);
		panelState(id, error.message, true);
	}

	// ---- panels

	async function loadStatus(generation) {
		const id = 'status';
		busy(id, true);
		panelState(id, 'Loading desktop states…');
		try {
			const json = await run('StatusByAccount', scope());
			if (generation !== view.generation) {
				return;
			}
			view.answers.set(id, json);
			renderStatus(json);
			followUp(id, json.data && json.data.desktopStatus && json.data.desktopStatus.sources, generation, loadStatus);
		}
		catch (error) {
			failed(id, error);
		}
	}

	function renderStatus(json) {
		const id = 'status';
		busy(id, false);
		const report = json.data && json.data.desktopStatus;
		if (!answerErrors(id, json)) {
			panelState(id, '');
		}
		if (!report) {
			panelBody(id);
			return;
		}
		recordSources(id, report.sources);
		const byAccount = report.byAccount || [];
		const cards = [];
		for (const source of report.sources) {
			const status = byAccount.find((entry) => entry.account.id === source.accountId);
			cards.push(statusCard(source, status));
		}
		if (!report.total && !report.sources.some((source) => source.state === 'FAILED')) {
			panelState(id, 'No desktops in the selected accounts.');
		}
		const runStates = ['active', 'stopped', 'hibernated', 'error'];
		const answered = byAccount.filter((entry) => entry.run);
		const summary = 'Run states by account: ' + answered.map((entry) => accountName(entry.account) + ' '
			+ runStates.map((state) => entry.run[state] + ' ' + state).join(', ')).join('; ') + '.';
		const box = chartBox('status', summary, true);
		panelBody(id,
			element('p', { className: 'estate', 'data-total': report.total },
				[element('strong', {}, [counts.format(report.total)]), ' desktops in the accounts that answered']),
			box,
			element('div', { className: 'cards' }, cards));
		chart('status', box.firstChild, {
			type: 'bar',
			data: {
				labels: answered.map((entry) => entry.account.name || entry.account.id),
				datasets: runStates.map((state, index) => ({
					label: state,
					data: answered.map((entry) => entry.run[state]),
					backgroundColor: seriesColor(index)
				}))
			},
			options: {
				indexAxis: 'y',
				scales: { x: { stacked: true, title: { display: true, text: 'desktops' } }, y: { stacked: true } }
			}
		});
	}

	function statusCard(source, status) {
		const account = view.accounts.find((candidate) => candidate.id === source.accountId)
			|| { id: source.accountId, vendor: source.vendor };
		const failedSource = source.state === 'FAILED' || !status;
		const children = [element('h3', {}, [accountName(account), ' ', element('span', { className: 'badge ' + source.state }, [source.state])])];
		if (failedSource) {
			children.push(element('p', { className: 'why' }, ['No counts: ', describe(source) || 'the account did not answer.']));
		}
		else {
			children.push(element('p', { className: 'total', 'data-field': 'total' }, [counts.format(status.total)]));
			children.push(stateTable('Run', status.run, { active: 'active', stopped: 'stopped', hibernated: 'hibernated', error: 'error' }, 'run'));
			children.push(stateTable('Login', status.login, { inUse: 'in use', ready: 'ready', disconnected: 'disconnected',
				stopped: 'stopped', unregistered: 'unregistered', unableToConnect: 'unable to connect' }, 'login'));
			children.push(stateTable('Attach', status.attach, { attached: 'attached', unattached: 'unattached',
				attaching: 'attaching', error: 'error' }, 'attach'));
			if (source.state !== 'OK') {
				children.push(element('p', { className: 'why' }, [describe(source)]));
			}
		}
		return element('article', {
			className: 'card' + (failedSource ? ' failed failed-part' : ''),
			'data-account': account.id,
			'data-state': source.state
		}, children);
	}

	function stateTable(title, counts_, labels, group) {
		if (!counts_) {
			return element('p', { className: 'hint' }, [title + ' states: not reported by the vendor.']);
		}
		return element('table', {}, [
			element('caption', {}, [title + ' state']),
			element('tbody', {}, Object.entries(labels).map(([key, label]) => element('tr', {}, [
				element('th', { scope: 'row' }, [label]),
				element('td', { className: 'num', 'data-field': group + '.' + key }, [counts.format(counts_[key])])
			])))
		]);
	}

	async function loadRanking(generation) {
		const id = 'ranking';
		const range = period();
		if (range.error) {
			panelState(id, range.error, true);
			return;
		}
		busy(id, true);
		panelState(id, 'Loading the ranking…');
		const by = document.getElementById('ranking-by').value;
		const first = Number(document.getElementById('ranking-first').value);
		try {
			const json = await run('UsageRanking', Object.assign({ range: { from: range.from, to: range.to }, by, first }, scope()));
			if (generation !== view.generation) {
				return;
			}
			view.answers.set(id, json);
			renderRanking(json, by, range);
			followUp(id, json.data && json.data.usageRanking && json.data.usageRanking.sources, generation, loadRanking);
		}
		catch (error) {
			failed(id, error);
		}
	}

	function renderRanking(json, by, range) {
		const id = 'ranking';
		busy(id, false);
		const ranking = json.data && json.data.usageRanking;
		if (!answerErrors(id, json)) {
			panelState(id, '');
		}
		if (!ranking) {
			panelBody(id);
			return;
		}
		recordSources(id, ranking.sources);
		const entries = ranking.edges.map((edge) => edge.node);
		const nameOf = (entry) => by === 'USER' ? (entry.userName || '(no user)')
			: (entry.desktop.name || entry.desktop.nativeId);
		const what = by === 'USER' ? 'users' : 'desktops';
		const notes = sourceNotes(ranking.sources);
		if (!entries.length) {
			panelState(id, 'No usage in ' + range.label + ' for the selected accounts.');
			panelBody(id, notes || '');
			return;
		}
		const summary = 'Top ' + entries.length + ' ' + what + ' by hours in ' + range.label + ': '
			+ entries.slice(0, 5).map((entry) => nameOf(entry) + ' ' + hoursText(entry.duration.hours)).join(', ')
			+ (entries.length > 5 ? ', …' : '') + '. The table below lists them all.';
		const box = chartBox('ranking', summary);
		const table = element('table', { id: 'ranking-table', 'data-by': by, 'data-from': range.from, 'data-to': range.to }, [
			element('caption', {}, [capitalize(what) + ' by usage in ' + range.label
				+ (ranking.totalCount !== null ? ' (' + counts.format(ranking.totalCount) + ' ranked)' : '')]),
			element('thead', {}, [element('tr', {}, [
				element('th', { scope: 'col', className: 'num' }, ['#']),
				element('th', { scope: 'col' }, [by === 'USER' ? 'User' : 'Desktop']),
				element('th', { scope: 'col' }, ['Account']),
				element('th', { scope: 'col', className: 'num' }, ['Hours'])
			])]),
			element('tbody', {}, entries.map((entry) => element('tr', {
				'data-id': by === 'USER' ? entry.userName : entry.desktop.id,
				'data-seconds': entry.duration.seconds
			}, [
				element('td', { className: 'num' }, [String(entry.rank)]),
				element('td', {}, [nameOf(entry)]),
				element('td', {}, [by === 'USER' ? '' : accountLabel(entry.desktop.accountId)]),
				element('td', { className: 'num' }, [hoursText(entry.duration.hours)])
			])))
		]);
		panelBody(id, notes || '', box, element('div', { className: 'table-wrap' }, [table]));
		chart('ranking', box.firstChild, {
			type: 'bar',
			data: {
				labels: entries.map(nameOf),
				datasets: [{ label: 'hours', data: entries.map((entry) => entry.duration.hours), backgroundColor: seriesColor(0) }]
			},
			options: {
				indexAxis: 'y',
				plugins: { legend: { display: false } },
				scales: { x: { title: { display: true, text: 'hours (h)' } }, y: { ticks: { autoSkip: false } } }
			}
		});
	}

	function capitalize(text) {
		return text.charAt(0).toUpperCase() + text.slice(1);
	}

	async function loadTrend(generation) {
		const id = 'trend';
		let range = period();
		if (range.error) {
			panelState(id, range.error, true);
			return;
		}
		busy(id, true);
		panelState(id, 'Loading daily usage…');
		const from = range.from < addDays(range.to, 1 - TREND_MAX_DAYS) ? addDays(range.to, 1 - TREND_MAX_DAYS) : range.from;
		if (from !== range.from) {
			range = { from, to: range.to, label: 'the last ' + TREND_MAX_DAYS + ' days of the period, ' + from + ' to '
				+ range.to, cut: true };
		}
		const variables = Object.assign({ range: { from: range.from, to: range.to } }, scope());
		try {
			const [estate, top] = await Promise.all([
				run('UsageTrend', variables),
				run('TopDesktopsTrend', Object.assign({ first: TREND_DESKTOPS }, variables))
			]);
			if (generation !== view.generation) {
				return;
			}
			view.answers.set(id, { estate, top, range });
			renderTrend(estate, top, range);
			followUp(id, [].concat(estate.data && estate.data.usageTrend ? estate.data.usageTrend.sources : [],
				top.data && top.data.usageRanking ? top.data.usageRanking.sources : []), generation, loadTrend);
		}
		catch (error) {
			failed(id, error);
		}
	}

	function renderTrend(estate, top, range) {
		const id = 'trend';
		busy(id, false);
		view.pendingCharts = [];
		const errors = [].concat(estate.errors || [], top.errors || []);
		panelState(id, errors.length ? 'Part of this answer failed: ' + errors.map((e) => e.message).join(' ') : '', errors.length > 0);
		const trend = estate.data && estate.data.usageTrend;
		const ranking = top.data && top.data.usageRanking;
		const sources = [].concat(trend ? trend.sources : [], ranking ? ranking.sources : []);
		recordSources(id, sources);
		const parts = [];
		if (range.cut) {
			parts.push(element('p', { className: 'hint', id: 'trend-cut' }, ['Daily usage of ' + range.label
				+ ': Alibaba answers daily usage with one vendor call per day, so longer trends would pass the '
				+ 'vendor-call budget of one request.']));
		}
		const notes = sourceNotes(trend ? trend.sources : []);
		if (notes) {
			parts.push(notes);
		}
		if (trend) {
			const days = trend.points.map((point) => point.date);
			const series = [{ label: 'All selected accounts', points: trend.points, total: trend.total, estate: true }]
				.concat(trend.byAccount.map((entry) => ({ label: accountName(entry.account), points: entry.points, total: entry.total })));
			parts.push(trendChart('trend-estate', 'Whole estate, hours per day', days, series, range));
		}
		if (ranking) {
			const desktops = ranking.edges.map((edge) => edge.node).filter((node) => node.desktop && node.desktop.usage);
			const days = trend ? trend.points.map((point) => point.date) : daysOf(range);
			if (desktops.length) {
				parts.push(trendChart('trend-top', 'Top ' + desktops.length + ' desktops of the period, hours per day', days,
					desktops.map((node) => ({
						label: node.desktop.name || node.desktop.id,
						points: node.desktop.usage.points,
						total: node.desktop.usage.total
					})), range));
			}
			else if (!(ranking.sources || []).every((source) => source.state === 'FAILED')) {
				parts.push(element('p', { className: 'hint' }, ['No desktop was used in ' + range.label + '.']));
			}
		}
		panelBody(id, ...parts);
		for (const [chartId, config] of view.pendingCharts) {
			chart(chartId, document.getElementById(chartId + '-chart'), config);
		}
		view.pendingCharts = [];
	}

	function daysOf(range) {
		const days = [];
		for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
			days.push(day);
		}
		return days;
	}

	/** A line chart of daily hours and, as its text alternative, the same numbers as a table. */
	function trendChart(id, title, days, series, range) {
		const pointOf = (points, day) => points.find((candidate) => candidate.date === day);
		const valueOf = (points, day) => {
			const point = pointOf(points, day);
			return point ? point.duration.hours : 0;
		};
		const secondsOf = (points, day) => {
			const point = pointOf(points, day);
			return point ? point.duration.seconds : 0;
		};
		const description = title + ' in ' + range.label + ': ' + series.map((s) => s.label + ' ' + hoursText(s.total.hours)
			+ ' in total').join('; ') + '. The table under the chart lists every day.';
		const box = chartBox(id, description);
		const table = element('table', { id: id + '-table' }, [
			element('caption', {}, [title + ' (hours per day)']),
			element('thead', {}, [element('tr', {}, [element('th', { scope: 'col' }, ['Day'])]
				.concat(series.map((s) => element('th', { scope: 'col', className: 'num' }, [s.label]))))]),
			element('tbody', {}, days.map((day) => element('tr', { 'data-date': day }, [element('th', { scope: 'row' }, [day])]
				.concat(series.map((s) => element('td', { className: 'num', 'data-seconds': secondsOf(s.points, day) },
					[hoursText(valueOf(s.points, day))]))))))
		]);
		view.pendingCharts.push([id, {
			type: 'line',
			data: {
				labels: days,
				datasets: series.map((s, index) => ({
					label: s.label,
					data: days.map((day) => valueOf(s.points, day)),
					borderColor: s.estate ? cssColor('--estate') : seriesColor(index - 1),
					backgroundColor: s.estate ? cssColor('--estate') : seriesColor(index - 1),
					borderWidth: s.estate ? 3 : 2,
					pointRadius: days.length > 40 ? 0 : 2,
					tension: 0.2
				}))
			},
			options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'hours (h)' } }, x: {} } }
		}]);
		return element('figure', { className: 'trend', id: id, 'data-from': range.from, 'data-to': range.to }, [
			element('figcaption', {}, [element('h3', {}, [title])]),
			box,
			element('details', { className: 'data' }, [element('summary', {}, ['Show the numbers as a table']),
				element('div', { className: 'table-wrap' }, [table])])
		]);
	}

	async function loadIdle(generation) {
		const id = 'idle';
		busy(id, true);
		panelState(id, 'Loading idle desktops…');
		document.getElementById('idle-csv').disabled = true;
		const days = Number(document.getElementById('idle-days').value);
		// Whole minutes, so that visits in the same minute share DeskGraph's cached answers.
		const now = Math.floor(Date.now() / 60000) * 60000;
		const since = new Date(now - days * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const rows = [];
		let sources = [];
		let totalCount = null;
		let after = null;
		let complete = true;
		let errors = [];
		try {
			for (let page = 0; page < IDLE_MAX_PAGES; page++) {
				const json = await run('IdleDesktops', Object.assign({ since, first: IDLE_PAGE_SIZE, after }, scope()));
				if (generation !== view.generation) {
					return;
				}
				errors = errors.concat(json.errors || []);
				const connection = json.data && json.data.idleDesktops;
				if (!connection) {
					break;
				}
				if (page === 0) {
					sources = connection.sources;
					totalCount = connection.totalCount;
				}
				rows.push(...connection.edges.map((edge) => edge.node));
				if (!connection.pageInfo.hasNextPage) {
					break;
				}
				after = connection.pageInfo.endCursor;
				complete = page + 1 < IDLE_MAX_PAGES;
			}
			view.idle = { rows, sort: view.idle.sort, complete, totalCount, days, since, sources, errors };
			renderIdle();
			followUp(id, sources, generation, loadIdle);
		}
		catch (error) {
			failed(id, error);
		}
	}

	const IDLE_COLUMNS = [
		{ key: 'name', label: 'Desktop', value: (row) => row.desktop.name || row.desktop.nativeId },
		{ key: 'account', label: 'Account', value: (row) => accountLabel(row.desktop.accountId) },
		{ key: 'createdAt', label: 'Created', value: (row) => row.createdAt || '', time: true },
		{ key: 'lastDisconnectedAt', label: 'Last used', value: (row) => row.lastDisconnectedAt || '', time: true }
	];

	function renderIdle() {
		const id = 'idle';
		const idle = view.idle;
		busy(id, false);
		recordSources(id, idle.sources);
		if (idle.errors && idle.errors.length) {
			panelState(id, 'Part of this answer failed: ' + idle.errors.map((e) => e.message).join(' '), true);
		}
		else if (!idle.rows.length) {
			panelState(id, 'No desktop went unused for ' + idle.days + ' days in the accounts that answered.');
		}
		else {
			panelState(id, counts.format(idle.totalCount === null ? idle.rows.length : idle.totalCount) + ' desktops unused for '
				+ idle.days + ' days' + (idle.complete ? '.' : '; the table shows the first ' + counts.format(idle.rows.length) + '.'));
		}
		document.getElementById('idle-csv').disabled = idle.rows.length === 0;
		const column = IDLE_COLUMNS.find((candidate) => candidate.key === idle.sort.key);
		const sign = idle.sort.ascending ? 1 : -1;
		// Plain code-point order: the same in every browser and locale (instants sort as their ISO text).
		const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
		const rows = idle.rows.slice().sort((a, b) => sign * compare(String(column.value(a)), String(column.value(b))));
		const table = element('table', { id: 'idle-table', 'data-count': idle.rows.length, 'data-since': idle.since }, [
			element('caption', {}, ['Desktops with no usage since ' + clock.format(new Date(idle.since))
				+ '; choose a column heading to sort']),
			element('thead', {}, [element('tr', {}, IDLE_COLUMNS.map((candidate) => element('th', {
				scope: 'col',
				'aria-sort': candidate.key === idle.sort.key ? (idle.sort.ascending ? 'ascending' : 'descending') : 'none'
			}, [element('button', {
				type: 'button',
				className: 'sort',
				'data-sort': candidate.key,
				onclick: () => {
					idle.sort = { key: candidate.key, ascending: idle.sort.key === candidate.key ? !idle.sort.ascending : true };
					renderIdle();
					document.querySelector('#idle-table button[data-sort="' + candidate.key + '"]').focus();
				}
			}, [candidate.label])])))]),
			element('tbody', {}, rows.map((row) => element('tr', { 'data-id': row.desktop.id },
				IDLE_COLUMNS.map((candidate) => element('td', {}, [candidate.time
					? timeElement(candidate.value(row) || null) : candidate.value(row)])))))
		]);
		panelBody(id, sourceNotes(idle.sources) || '', element('div', { className: 'table-wrap' }, [table]));
	}

	function csvField(value) {
		const text = value === null || value === undefined ? '' : String(value);
		return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
	}

	function downloadIdleCsv() {
		const header = ['id', 'vendor', 'accountId', 'nativeId', 'name', 'createdAt', 'lastDisconnectedAt'];
		const lines = [header.join(',')].concat(view.idle.rows.map((row) => [row.desktop.id, row.desktop.vendor,
			row.desktop.accountId, row.desktop.nativeId, row.desktop.name, row.createdAt, row.lastDisconnectedAt]
			.map(csvField).join(',')));
		const blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
		saveBlob(blob, 'idle-desktops-' + view.idle.days + 'd-' + new Date().toISOString().slice(0, 10) + '.csv');
	}

	function saveBlob(blob, fileName) {
		const url = URL.createObjectURL(blob);
		const link = element('a', { href: url, download: fileName, hidden: true });
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 60000);
	}

	// ---- savings

	const SAVINGS_PAGE = 20;
	const RECOMMENDATIONS = {
		KEEP: 'Keep',
		SWITCH_TO_PAY_AS_YOU_GO: 'Switch to pay-as-you-go',
		SWITCH_TO_SUBSCRIPTION: 'Switch to subscription',
		REMOVE_IDLE: 'Remove (idle)',
		UNPRICED: 'Unpriced'
	};

	/** An amount of one currency, as the locale writes money; amounts of two currencies are never added. */
	function moneyText(money) {
		if (!money) {
			return '–';
		}
		try {
			return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(Number(money.amount));
		}
		catch (error) {
			return money.amount + ' ' + money.currency;
		}
	}

	function moneyCell(money, extra) {
		return element('td', Object.assign({ className: 'num', 'data-amount': money ? money.amount : '',
			'data-currency': money ? money.currency : '' }, extra || {}), [moneyText(money)]);
	}

	async function loadSavings(generation) {
		const id = 'savings';
		const range = period();
		if (range.error) {
			panelState(id, range.error, true);
			return;
		}
		busy(id, true);
		panelState(id, 'Loading costs and advice…');
		document.getElementById('savings-more').hidden = true;
		const variables = Object.assign({ range: { from: range.from, to: range.to } }, scope());
		try {
			const [summary, advice] = await Promise.all([
				run('CostSummary', variables),
				run('BillingAdvice', Object.assign({ first: SAVINGS_PAGE }, variables))
			]);
			if (generation !== view.generation) {
				return;
			}
			const connection = advice.data && advice.data.billingAdvice;
			view.savings = { summary, advice, range, variables, rows: connection ? connection.edges.map((edge) => edge.node) : [],
				pageInfo: connection ? connection.pageInfo : null };
			view.answers.set(id, view.savings);
			renderSavings();
			followUp(id, [].concat(summary.data && summary.data.costSummary ? summary.data.costSummary.sources : [],
				connection ? connection.sources : []), generation, loadSavings);
		}
		catch (error) {
			failed(id, error);
		}
	}

	async function moreSavings() {
		const savings = view.savings;
		if (!savings || !savings.pageInfo || !savings.pageInfo.hasNextPage) {
			return;
		}
		const button = document.getElementById('savings-more');
		button.disabled = true;
		try {
			const json = await run('BillingAdvice', Object.assign({ first: SAVINGS_PAGE, after: savings.pageInfo.endCursor },
				savings.variables));
			const connection = json.data && json.data.billingAdvice;
			if (connection) {
				savings.rows = savings.rows.concat(connection.edges.map((edge) => edge.node));
				savings.pageInfo = connection.pageInfo;
				renderSavings();
			}
			else {
				answerErrors('savings', json);
			}
		}
		catch (error) {
			panelState('savings', error.message, true);
		}
		finally {
			button.disabled = false;
		}
	}

	function renderSavings() {
		const id = 'savings';
		const savings = view.savings;
		busy(id, false);
		const errors = [].concat(savings.summary.errors || [], savings.advice.errors || []);
		panelState(id, errors.length ? 'Part of this answer failed: ' + errors.map((e) => e.message).join(' ') : '', errors.length > 0);
		const summary = savings.summary.data && savings.summary.data.costSummary;
		const connection = savings.advice.data && savings.advice.data.billingAdvice;
		recordSources(id, [].concat(summary ? summary.sources : [], connection ? connection.sources : []));
		const parts = [];
		const notes = sourceNotes(summary ? summary.sources : []);
		if (notes) {
			parts.push(notes);
		}
		if (summary) {
			const flags = [];
			if (summary.examplePrices) {
				flags.push(element('p', { className: 'hint', id: 'savings-example' }, [element('span', { className: 'badge STALE' },
					['EXAMPLE PRICES']), ' These are example list prices (demo mode), not your contract\'s: configure '
					+ 'deskgraph.pricing.']));
			}
			if (summary.tooShort) {
				flags.push(element('p', { className: 'hint', id: 'savings-too-short' }, ['The period is shorter than '
					+ summary.minRangeDays + ' days: too short to judge, so no switch is advised. Choose a longer period.']));
			}
			parts.push(...flags);
			parts.push(element('p', { className: 'estate', 'data-desktops': summary.desktops, 'data-unpriced': summary.unpriced }, [
				element('strong', {}, [counts.format(summary.desktops)]), ' desktops; ',
				counts.format(summary.unpriced), ' without a price in the catalogue (unpriced)',
				summary.notCosted ? ', ' + counts.format(summary.notCosted) + ' in billing modes list prices cannot cost' : '', '.'
			]));
			parts.push(element('div', { className: 'table-wrap' }, [element('table', { id: 'savings-currencies' }, [
				element('caption', {}, ['Per month, per currency (list prices, no discounts or taxes)']),
				element('thead', {}, [element('tr', {}, ['Currency', 'Desktops', 'Cost as billed', 'Advised cost', 'Saving']
					.map((label, index) => element('th', { scope: 'col', className: index ? 'num' : null }, [label])))]),
				element('tbody', {}, summary.currencies.map((currency) => element('tr', { 'data-currency': currency.currency }, [
					element('th', { scope: 'row' }, [currency.currency]),
					element('td', { className: 'num' }, [counts.format(currency.desktops)]),
					moneyCell(currency.monthlyCost, { 'data-field': 'monthlyCost' }),
					moneyCell(currency.advisedMonthlyCost, { 'data-field': 'advisedMonthlyCost' }),
					moneyCell(currency.monthlySaving, { 'data-field': 'monthlySaving' })
				])))
			])]));
			parts.push(element('div', { className: 'table-wrap' }, [element('table', { id: 'savings-recommendations' }, [
				element('caption', {}, ['Desktops and monthly saving by advice']),
				element('thead', {}, [element('tr', {}, [element('th', { scope: 'col' }, ['Advice']),
					element('th', { scope: 'col', className: 'num' }, ['Desktops']), element('th', { scope: 'col', className: 'num' }, ['Saving'])])]),
				element('tbody', {}, summary.byRecommendation.map((entry) => element('tr', { 'data-recommendation': entry.recommendation }, [
					element('th', { scope: 'row' }, [RECOMMENDATIONS[entry.recommendation] || entry.recommendation]),
					element('td', { className: 'num' }, [counts.format(entry.desktops)]),
					element('td', { className: 'num' }, [entry.monthlySaving.length ? entry.monthlySaving.map(moneyText).join('; ') : '–'])
				])))
			])]));
			parts.push(element('div', { className: 'table-wrap' }, [element('table', { id: 'savings-accounts' }, [
				element('caption', {}, ['Per account']),
				element('thead', {}, [element('tr', {}, ['Account', 'Desktops', 'Unpriced', 'Cost as billed', 'Advised cost', 'Saving']
					.map((label, index) => element('th', { scope: 'col', className: index ? 'num' : null }, [label])))]),
				element('tbody', {}, summary.byAccount.flatMap((entry) => (entry.currencies.length ? entry.currencies : [null])
					.map((currency) => element('tr', { 'data-account': entry.account.id, 'data-currency': currency ? currency.currency : '' }, [
						element('th', { scope: 'row' }, [accountName(entry.account)]),
						element('td', { className: 'num' }, [counts.format(entry.desktops)]),
						element('td', { className: 'num' }, [counts.format(entry.unpriced)]),
						moneyCell(currency && currency.monthlyCost, { 'data-field': 'monthlyCost' }),
						moneyCell(currency && currency.advisedMonthlyCost, { 'data-field': 'advisedMonthlyCost' }),
						moneyCell(currency && currency.monthlySaving, { 'data-field': 'monthlySaving' })
					]))))
			])]));
		}
		if (connection) {
			if (!savings.rows.length) {
				parts.push(element('p', { className: 'hint' }, ['No desktop in the accounts that answered.']));
			}
			else {
				parts.push(element('div', { className: 'table-wrap' }, [element('table', { id: 'savings-advice', 'data-from': savings.range.from,
					'data-to': savings.range.to }, [
					element('caption', {}, ['Desktops by monthly saving, largest first (' + counts.format(savings.rows.length) + ' of '
						+ counts.format(connection.totalCount || savings.rows.length) + ')']),
					element('thead', {}, [element('tr', {}, ['Desktop', 'Account', 'Billing', 'Used', 'Per month', 'Break-even',
						'Advice', 'Cost per month', 'Saving per month', 'Why'].map((label, index) => element('th', {
						scope: 'col', className: (index >= 3 && index <= 5) || index === 7 || index === 8 ? 'num' : null }, [label])))]),
					element('tbody', {}, savings.rows.map((advice) => element('tr', { 'data-id': advice.desktop.id,
						'data-recommendation': advice.recommendation }, [
						element('td', {}, [advice.desktop.name || advice.desktop.id]),
						element('td', {}, [accountLabel(advice.desktop.accountId)]),
						element('td', {}, [advice.billingMode ? advice.billingMode.replace(/_/g, ' ').toLowerCase() : 'not reported']),
						element('td', { className: 'num' }, [hoursText(advice.usedHours)]),
						element('td', { className: 'num' }, [hoursText(advice.projectedMonthlyHours)]),
						element('td', { className: 'num' }, [advice.breakEvenHours === null ? '–' : hoursText(advice.breakEvenHours)]),
						element('td', {}, [RECOMMENDATIONS[advice.recommendation] || advice.recommendation]),
						moneyCell(advice.monthlyCost, { 'data-field': 'monthlyCost' }),
						moneyCell(advice.monthlySaving, { 'data-field': 'monthlySaving' }),
						element('td', {}, [advice.reason])
					])))
				])]));
			}
			document.getElementById('savings-more').hidden = !(savings.pageInfo && savings.pageInfo.hasNextPage);
		}
		panelBody(id, ...parts);
	}

	// ---- exports

	async function startExport(event) {
		event.preventDefault();
		const id = 'exports';
		const range = period();
		if (range.error) {
			panelState(id, range.error, true);
			return;
		}
		const accountId = document.getElementById('export-account').value;
		const button = document.getElementById('export-start');
		button.disabled = true;
		panelState(id, 'Asking the vendor to export ' + range.label + '…');
		try {
			const json = await run('StartDesktopUsageExport', { input: { accountId, range: { from: range.from, to: range.to } } });
			const task = json.data && json.data.startDesktopUsageExport;
			if (!task) {
				answerErrors(id, json);
				return;
			}
			panelState(id, 'Export started; its status updates below.');
			const entry = { task, range };
			view.exports.unshift(entry);
			renderExports();
			pollExport(entry, 0);
		}
		catch (error) {
			panelState(id, error.message, true);
		}
		finally {
			button.disabled = false;
		}
	}

	async function pollExport(entry, round) {
		if (['SUCCESS', 'FAIL', 'EXPIRED', 'UNKNOWN'].includes(entry.task.status) || round >= EXPORT_POLL_LIMIT) {
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, EXPORT_POLL_MS));
		try {
			const json = await run('ExportTask', { id: entry.task.id });
			if (json.data && json.data.exportTask) {
				entry.task = json.data.exportTask;
				entry.error = null;
			}
			else if (json.data && json.data.exportTask === null) {
				entry.task = Object.assign({}, entry.task, { status: 'EXPIRED', failReason: 'The vendor no longer knows this export.' });
			}
			else {
				entry.error = (json.errors || []).map((e) => e.message).join(' ');
			}
		}
		catch (error) {
			entry.error = error.message;
		}
		renderExports();
		pollExport(entry, round + 1);
	}

	function renderExports() {
		const table = document.getElementById('export-table');
		table.hidden = view.exports.length === 0;
		table.querySelector('tbody').replaceChildren(...view.exports.map((entry) => {
			const task = entry.task;
			let file = task.fileName || '';
			if (task.status === 'SUCCESS' && task.downloadUrl) {
				file = element('button', {
					type: 'button',
					className: 'link',
					'data-url': task.downloadUrl,
					onclick: (event) => downloadExport(event.currentTarget, task)
				}, ['Download ' + (task.fileName || 'file')]);
			}
			const status = [element('span', { className: 'badge ' + (task.status === 'SUCCESS' ? 'OK' : task.status === 'CREATING' ? 'PENDING' : 'FAILED') }, [task.status])];
			if (task.failReason) {
				status.push(' ', task.failReason + (task.errorCode ? ' (' + task.errorCode + ')' : ''));
			}
			if (entry.error) {
				status.push(' ', element('span', { className: 'why' }, ['Last check failed: ' + entry.error]));
			}
			return element('tr', { 'data-id': task.id, 'data-status': task.status }, [
				element('td', {}, [accountLabel(task.accountId)]),
				element('td', {}, [entry.range.from + ' to ' + entry.range.to]),
				element('td', { className: 'status' }, status),
				element('td', { className: 'file' }, [file])
			]);
		}));
	}

	/** Fetches the file with the page's credentials (a plain link could not send the API key) and saves it. */
	async function downloadExport(button, task) {
		const id = 'exports';
		button.disabled = true;
		try {
			const response = await fetch(task.downloadUrl, { headers: headers({}) });
			if (!response.ok) {
				let message = 'HTTP ' + response.status;
				try {
					message = (await response.json()).message || message;
				}
				catch (error) {
					// The status line is all there is to say.
				}
				if (response.status === 401) {
					askForKey(null);
				}
				panelState(id, 'The download failed: ' + message, true);
				return;
			}
			const blob = await response.blob();
			button.setAttribute('data-bytes', String(blob.size));
			saveBlob(blob, task.fileName || 'export.csv');
			panelState(id, 'Downloaded ' + (task.fileName || 'the file') + ' (' + counts.format(blob.size) + ' bytes).');
		}
		catch (error) {
			panelState(id, 'The download failed: ' + error.message, true);
		}
		finally {
			button.disabled = false;
		}
	}

	// ---- putting it together

	function refresh(event) {
		if (event) {
			event.preventDefault();
		}
		showNotice('');
		const range = period();
		const text = document.getElementById('period-text');
		text.textContent = range.error ? '' : range.from + ' to ' + range.to;
		text.setAttribute('data-from', range.from || '');
		text.setAttribute('data-to', range.to || '');
		if (!checkedValues('vendor').length || !checkedValues('account').length) {
			showNotice('Choose at least one vendor and one account.');
			return;
		}
		if (!selectedAccounts().length) {
			showNotice('None of the chosen accounts belongs to the chosen vendors.');
			return;
		}
		view.generation++;
		view.retries.clear();
		view.sources.clear();
		renderSources();
		const generation = view.generation;
		loadStatus(generation);
		loadRanking(generation);
		loadTrend(generation);
		loadIdle(generation);
		loadSavings(generation);
	}

	function rerenderCharts() {
		// Colours come from CSS, which changed with the system's light or dark preference.
		const status = view.answers.get('status');
		if (status) {
			renderStatus(status);
		}
		const ranking = view.answers.get('ranking');
		const table = document.getElementById('ranking-table');
		if (ranking && table) {
			renderRanking(ranking, table.getAttribute('data-by'),
				{ from: table.getAttribute('data-from'), to: table.getAttribute('data-to'), label: period().label });
		}
		const trend = view.answers.get('trend');
		if (trend) {
			renderTrend(trend.estate, trend.top, trend.range);
		}
	}

	async function start() {
		document.getElementById('auth').hidden = true;
		try {
			if (!view.operations) {
				await loadOperations();
			}
			const json = await run('DashboardAccounts', {});
			if (!json.data) {
				showNotice('DeskGraph did not list its accounts: ' + (json.errors || []).map((e) => e.message).join(' '));
				return;
			}
			view.accounts = json.data.accounts;
			renderAccountFilter();
			renderSources();
			document.body.setAttribute('data-ready', 'true');
			refresh();
		}
		catch (error) {
			if (error.kind !== 'auth') {
				showNotice(error.message);
			}
		}
	}

	function init() {
		if (!window.Chart) {
			showNotice('The charting library did not load; numbers are shown as tables only.');
			window.Chart = function () {
				this.destroy = () => {};
			};
		}
		document.getElementById('filters').addEventListener('submit', refresh);
		for (const control of document.querySelectorAll('#period, #from, #to')) {
			control.addEventListener('change', () => {
				const custom = document.getElementById('period').value === 'custom';
				document.getElementById('custom-range').hidden = !custom;
				if (custom && !document.getElementById('from').value && !document.getElementById('to').value) {
					// Start from the period shown, so that the custom one changes one thing at a time.
					const shown = document.getElementById('period-text');
					document.getElementById('from').value = shown.getAttribute('data-from');
					document.getElementById('to').value = shown.getAttribute('data-to');
				}
				if (document.getElementById('period').value !== 'custom' || (document.getElementById('from').value && document.getElementById('to').value)) {
					refresh();
				}
			});
		}
		document.getElementById('filters').addEventListener('change', (event) => {
			if (event.target.name === 'vendor' || event.target.name === 'account') {
				refresh();
			}
		});
		document.getElementById('ranking-by').addEventListener('change', () => loadRanking(view.generation));
		document.getElementById('ranking-first').addEventListener('change', () => loadRanking(view.generation));
		document.getElementById('idle-days').addEventListener('change', () => loadIdle(view.generation));
		document.getElementById('idle-csv').addEventListener('click', downloadIdleCsv);
		document.getElementById('savings-more').addEventListener('click', moreSavings);
		document.getElementById('export-form').addEventListener('submit', startExport);
		document.getElementById('auth-form').addEventListener('submit', (event) => {
			event.preventDefault();
			const input = document.getElementById('api-key');
			sessionStorage.setItem(KEY_STORAGE, input.value.trim());
			input.value = '';
			start();
		});
		window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', rerenderCharts);
		start();
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', init);
	}
	else {
		init();
	}
})();
