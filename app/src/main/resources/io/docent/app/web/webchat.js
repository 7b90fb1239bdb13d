// Docent web chat. Everything the server returns is data: it goes into the page with textContent and
// createElement, never as HTML. Links are made only for http(s) and file URLs; images never.
"use strict";

(function () {
  const MAX_HISTORY_TURNS = 10;      // the last five exchanges are enough context for a follow-up
  const MAX_TURN_CHARS = 2000;       // the server refuses more than 8,000 per turn
  let history = [];                  // [{role: "user"|"assistant", text}], oldest first
  let answerCount = 0;

  const conversation = document.getElementById("conversation");
  const form = document.getElementById("ask");
  const question = document.getElementById("question");
  const send = document.getElementById("send");
  const busy = document.getElementById("busy");

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url, window.location.href);
      return ["http:", "https:", "file:"].includes(parsed.protocol) ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(text, url) {
    const href = safeHref(url);
    if (!href) return el("span", null, text);
    const a = el("a", null, text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  // A Markdown link's label that is itself an address: shown only when it is the link's own target.
  const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|www\.|\/\/)\S*$|^[\w-]+(?:\.[\w-]+)+(?:[\/:?#]\S*)?$/i;

  function normalUrl(url) {
    let u = url.trim().replace(/^https?:\/\//i, "").replace(/^mailto:/i, "").replace(/\/$/, "");
    const slash = u.indexOf("/");
    return slash < 0 ? u.toLowerCase() : u.slice(0, slash).toLowerCase() + u.slice(slash);
  }

  // What a document's link shows: its label, unless the label is an address other than where it goes
  // ([https://intranet](https://evil) shows https://evil), so a reader always sees where a link leads.
  function linkLabel(label, target) {
    const l = label.trim();
    return URL_LIKE.test(l) && normalUrl(l) !== normalUrl(target) ? target : l;
  }

  // The answer's text as text, with each [n] that names a citation turned into a link to it, a Markdown link
  // [label](url) into a link (see linkLabel), and an image ![alt](url) into a plain link: never an <img>, so
  // a document's image is neither shown nor fetched.
  function answerText(text, citations, id) {
    const p = el("p", "answer-text");
    const known = new Set(citations.map(c => c.n));
    const pattern = /!\[([^\]\n]*)\]\(([^)\s]+)\)|\[([^\]\n]+)\]\(([^)\s]+)\)|\[(\d+)\]/g;
    let last = 0;
    let m;
    while ((m = pattern.exec(text)) !== null) {
      let node;
      if (m[2] !== undefined) {
        const alt = m[1].trim();
        node = link("image" + (alt ? ": " + alt : ""), m[2]);
      } else if (m[4] !== undefined) {
        node = link(linkLabel(m[3], m[4]), m[4]);
      } else {
        const n = Number(m[5]);
        if (!known.has(n)) continue;
        node = el("a", "cite", "[" + n + "]");
        node.href = "#" + id + "-c" + n;
        node.setAttribute("aria-label", "source " + n);
      }
      p.appendChild(document.createTextNode(text.slice(last, m.index)));
      p.appendChild(node);
      last = pattern.lastIndex;
    }
    p.appendChild(document.createTextNode(text.slice(last)));
    return p;
  }

  function citationList(citations, id) {
    const ol = el("ol", "citations");
    ol.setAttribute("aria-label", "Sources cited");
    for (const c of citations) {
      const li = el("li");
      li.id = id + "-c" + c.n;
      li.value = c.n;
      li.appendChild(link((c.title || c.url || "source " + c.n) + (c.location ? " (" + c.location + ")" : ""), c.url));
      if (c.snippet) li.appendChild(el("span", "snippet", c.snippet));
      ol.appendChild(li);
    }
    return ol;
  }

  function number(value, digits) {
    return typeof value === "number" ? value.toFixed(digits) : "–";
  }

  // For an admin testing the index: the search query, stage timings and every retrieved passage with its scores.
  function sourcesView(answer) {
    const details = el("details", "sources");
    const evidence = answer.evidence || [];
    details.appendChild(el("summary", null, "Sources view: " + evidence.length + " retrieved passage"
        + (evidence.length === 1 ? "" : "s")));
    const dl = el("dl");
    dl.appendChild(el("dt", null, "Search query"));
    dl.appendChild(el("dd", "standalone-query", answer.standaloneQuery || "–"));
    dl.appendChild(el("dt", null, "Timings"));
    const timings = Object.entries(answer.timings || {})
        .map(([stage, ms]) => stage + " " + number(ms, 1) + " ms").join(", ");
    dl.appendChild(el("dd", "timings", timings || "–"));
    details.appendChild(dl);
    const ol = el("ol", "passages");
    evidence.forEach((hit, i) => {
      const li = el("li", "passage");
      const head = el("div");
      head.appendChild(el("span", null, "#" + (i + 1) + " "));
      head.appendChild(link(hit.title || "(untitled)", hit.url));
      li.appendChild(head);
      const meta = el("div", "meta");
      meta.appendChild(el("span", "score", "score " + number(hit.score, 4)));
      meta.appendChild(document.createTextNode(
          " · similarity " + number(hit.similarity, 3)
          + " · keyword rank " + (hit.keywordRank || "–")
          + " · vector rank " + (hit.vectorRank || "–")));
      if (hit.breadcrumb) meta.appendChild(el("div", "breadcrumb", hit.breadcrumb));
      if (hit.url) meta.appendChild(el("div", "url", hit.url));
      li.appendChild(meta);
      li.appendChild(el("p", "text", hit.text));
      ol.appendChild(li);
    });
    details.appendChild(ol);
    return details;
  }

  function addUser(text) {
    const li = el("li", "turn user");
    li.appendChild(el("p", "who", "You"));
    li.appendChild(el("p", "answer-text", text));
    conversation.appendChild(li);
  }

  function addAnswer(answer) {
    const id = "a" + (++answerCount);
    const status = String(answer.status || "FAILED");
    const known = {ANSWERED: "answered", NOT_FOUND: "not-found"};
    const li = el("li", "turn answer " + (known[status] || "failed"));
    li.id = id;
    li.dataset.status = status;
    li.appendChild(el("p", "who", "Docent"));
    if (status !== "ANSWERED") {
      li.appendChild(el("p", "status", status.replace(/_/g, " ").toLowerCase()));
    }
    const citations = Array.isArray(answer.citations) ? answer.citations : [];
    li.appendChild(answerText(String(answer.text || ""), citations, id));
    if (citations.length) {
      li.appendChild(el("p", "citations-heading",
          status === "NOT_FOUND" ? "Closest sources (not cited):" : "Sources:"));
      li.appendChild(citationList(citations, id));
    }
    li.appendChild(sourcesView(answer));
    conversation.appendChild(li);
    li.scrollIntoView({block: "nearest"});
  }

  function addError(message) {
    addAnswer({text: message, status: "ERROR", citations: [], evidence: []});
  }

  function remember(role, text) {
    history.push({role: role, text: text.slice(0, MAX_TURN_CHARS)});
    history = history.slice(-MAX_HISTORY_TURNS);
  }

  async function ask(text) {
    addUser(text);
    send.disabled = true;
    busy.hidden = false;
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: {"Content-Type": "application/json"},
        credentials: "same-origin",
        body: JSON.stringify({question: text, history: history})
      });
      let body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      if (response.ok && body) {
        addAnswer(body);
        if (body.inHistory === true) {      // the server says which answers are turns (Answer.belongsInHistory)
          remember("user", text);
          remember("assistant", String(body.text || ""));
        }
      } else if (response.status === 401) {
        addError("Your session has ended: reload the page and sign in again.");
      } else {
        addError((body && body.error) || ("The server answered " + response.status + "."));
      }
    } catch (e) {
      addError("Docent could not be reached. Check that it is running, then try again.");
    } finally {
      send.disabled = false;
      busy.hidden = true;
      question.focus();
    }
  }

  form.addEventListener("submit", event => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text || send.disabled) return;
    question.value = "";
    ask(text);
  });

  question.addEventListener("keydown", event => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  document.getElementById("new-conversation").addEventListener("click", () => {
    history = [];
    conversation.replaceChildren();
    question.value = "";
    question.focus();
  });

  question.focus();
})();
