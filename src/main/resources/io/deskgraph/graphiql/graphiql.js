(function () {
	'use strict';

	var container = document.getElementById('graphiql');
	var endpoint = container.dataset.endpoint;
	var keyHeader = container.dataset.apiKeyHeader;
	var keyField = document.getElementById('api-key-field');
	var keyInput = document.getElementById('api-key');
	// sessionStorage, not localStorage: the key survives a reload of this tab but leaves
	// with it, and no other tab or later visit can read it.
	var KEY_ITEM = 'deskgraph.api-key';
	var DEFAULT_QUERY = [
		'# DeskGraph: run a query with the \u25B6 button or Ctrl-Enter.',
		'# The dashboard\'s query, a larger example, is at /examples/dashboard.graphql',
		'# (linked above). With API keys on, enter yours above, or add an',
		'# "' + keyHeader + '" header in the Headers tab below.',
		'{',
		'  accounts {',
		'    id',
		'    vendor',
		'  }',
		'}',
		''
	].join('\n');

	function createFetcher(key) {
		return function (params, options) {
			var headers = {
				'Content-Type': 'application/json',
				'Accept': 'application/graphql-response+json, application/json'
			};
			if (key) {
				headers[keyHeader] = key;
			}
			// Headers typed in GraphiQL's Headers tab win over the key field.
			Object.assign(headers, options && options.headers);
			return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params) })
				.then(function (response) {
					return response.text().then(function (text) {
						var body;
						try {
							body = JSON.parse(text);
						}
						catch (ex) {
							body = null;
						}
						if (body && (body.data !== undefined || body.errors !== undefined)) {
							return body;
						}
						// Not a GraphQL result (a missing key's 401, a proxy's error page):
						// shown as one, so it appears in the response pane with its status.
						return { errors: [ { message: 'HTTP ' + response.status + ': '
							+ ((body && body.message) || text) } ] };
					});
				});
		};
	}

	var root = ReactDOM.createRoot(container);

	function render(key) {
		root.render(React.createElement(GraphiQL, {
			// A new fetcher makes GraphiQL load the schema again, now with the new key.
			fetcher: createFetcher(key),
			defaultQuery: DEFAULT_QUERY,
			// Headers may carry credentials: never keep them in localStorage, and offer no
			// setting that would.
			shouldPersistHeaders: false,
			showPersistHeadersSettings: false
		}));
	}

	function storedKey() {
		try {
			return sessionStorage.getItem(KEY_ITEM) || '';
		}
		catch (ex) {
			return '';
		}
	}

	function storeKey(key) {
		try {
			if (key) {
				sessionStorage.setItem(KEY_ITEM, key);
			}
			else {
				sessionStorage.removeItem(KEY_ITEM);
			}
		}
		catch (ex) {
			// Storage off in this browser: the key lasts until the page is left.
		}
	}

	var key = '';
	if (container.dataset.apiKeys === 'true') {
		key = storedKey();
		keyInput.value = key;
		keyField.hidden = false;
		keyInput.addEventListener('change', function () {
			key = keyInput.value.trim();
			storeKey(key);
			render(key);
		});
	}
	render(key);
}());
