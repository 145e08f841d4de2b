// The sagents dashboard: renders the pictures the node streams (server-sent events) and the
// location of a searched agent. Everything from the server is set as text (textContent), never
// parsed as HTML, so that no id, node name or error message can inject markup.
'use strict';

(() => {
  const ID = /^[A-Za-z0-9._:\-]{1,128}$/;
  let searched = null;

  const byId = (id) => document.getElementById(id);

  function element(tag, text, className) {
    const created = document.createElement(tag);
    if (text !== undefined && text !== null) {
      created.textContent = String(text);
    }
    if (className) {
      created.className = className;
    }
    return created;
  }

  function row(...cells) {
    const tr = document.createElement('tr');
    cells.forEach((cell) => tr.appendChild(cell instanceof Node ? cell : element('td', cell)));
    return tr;
  }

  function fill(tableId, rows) {
    const body = byId(tableId).tBodies[0];
    body.replaceChildren(...rows);
  }

  function members(instance) {
    const td = document.createElement('td');
    instance.members.forEach((member) => {
      const badge = element('span', member.node + ' ' + member.status, 'member status-' + member.status);
      badge.dataset.node = member.node;
      badge.dataset.status = member.status;
      td.appendChild(badge);
    });
    return td;
  }

  function formatRate(value) {
    if (value === null || value === undefined) {
      return element('td', '—', 'unknown');
    }
    return element('td', Number.isInteger(value) ? String(value) : value.toFixed(2));
  }

  function render(snapshot) {
    byId('node').textContent = snapshot.node;
    byId('distribution').textContent = snapshot.distribution;
    byId('registry').textContent = snapshot.registry;
    byId('consistency').textContent = snapshot.consistent ? 'member sets agree' : 'member sets disagree';
    byId('consistency').className = snapshot.consistent ? '' : 'warning';
    byId('taken').textContent = 'updated ' + new Date(snapshot.at).toLocaleTimeString();
    fill('instances', snapshot.instances.map((instance) => row(instance.name, members(instance))));
    const known = snapshot.agents !== null;
    byId('agents-unknown').hidden = known;
    fill('agents', known ? snapshot.agents.map((node) => {
      const tr = row(node.node, node.count, element('td', node.ids.join(' '), 'ids'));
      tr.dataset.node = node.node;
      return tr;
    }) : []);
    fill('rates', snapshot.rates.map((rate) => row(rate.label, formatRate(rate.value))));
    byId('failures-total').textContent = snapshot.failures.total;
    fill('failures', snapshot.failures.recent.map((failure) => row(new Date(failure.at).toLocaleString(),
        failure.key, failure.node, failure.restarts, failure.lastError)));
    if (searched !== null) {
      locate(searched);
    }
  }

  function showLocation(text, node) {
    const location = byId('location');
    location.textContent = text;
    if (node) {
      location.dataset.node = node;
    }
    else {
      delete location.dataset.node;
    }
  }

  async function locate(id) {
    try {
      const response = await fetch('api/locate?id=' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
      const body = await response.json();
      if (id !== searched) {
        return;
      }
      if (!response.ok) {
        showLocation(body.error || ('Error ' + response.status), null);
      }
      else if (!body.found) {
        showLocation('No agent ' + body.id + ' is registered.', null);
      }
      else {
        showLocation('Agent ' + body.id + ' runs on ' + body.node + (body.alive ? '' : ' (not running)'), body.node);
      }
    }
    catch (error) {
      showLocation('Cannot reach this node: ' + error.message, null);
    }
  }

  byId('search').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = byId('search-id').value.trim();
    if (!ID.test(id)) {
      searched = null;
      showLocation('An agent id is 1 to 128 letters, digits, ".", "_", ":" or "-".', null);
      return;
    }
    searched = id;
    locate(id);
  });

  const events = new EventSource('api/events');
  events.addEventListener('snapshot', (event) => {
    byId('connection').textContent = 'live';
    byId('connection').className = '';
    render(JSON.parse(event.data));
  });
  events.addEventListener('error', () => {
    byId('connection').textContent = 'reconnecting…';
    byId('connection').className = 'warning';
  });
})();
