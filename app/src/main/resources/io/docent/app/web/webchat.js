// Docent web chat. Everything the server returns is data: it goes into the page with textContent and
// createElement, never as HTML, except an answer's "html", which the server made from the answer's Markdown with
// commonmark, every markup in the text escaped (AnswerHtml). Links are made only for http(s), mailto and file URLs; images
// never. Answers arrive as server-sent events from POST /api/chat/stream: the text as it is written, then the answer.
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
      return ["http:", "https:", "mailto:", "file:"].includes(parsed.protocol) ? parsed.href : null;
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

  // The elements and attributes commonmark's HTML has (AnswerHtml); anything else means the HTML is not its.
  const MARKDOWN_TAGS = new Set(["P", "UL", "OL", "LI", "STRONG", "EM", "DEL", "CODE", "PRE", "A", "TABLE", "THEAD",
      "TBODY", "TR", "TH", "TD", "BLOCKQUOTE", "H1", "H2", "H3", "H4", "H5", "H6", "HR", "BR"]);
  const MARKDOWN_ATTRIBUTES = new Set(["href", "target", "rel", "align", "start", "class", "title"]);

  function onlyMarkdownMarkup(root) {
    for (const node of root.querySelectorAll("*")) {
      if (!MARKDOWN_TAGS.has(node.tagName)) return false;
      for (const attribute of node.attributes) {
        if (!MARKDOWN_ATTRIBUTES.has(attribute.name)) return false;
      }
      if (node.tagName === "A" && !safeHref(node.getAttribute("href"))) return false;
    }
    return true;
  }

  // The answer as the server rendered it: HTML that commonmark made from the answer's Markdown with every markup
  // in the text escaped, links only to http(s), mailto and file addresses, no images (see AnswerHtml), parsed into
  // an inert document and moved in only if it holds nothing else (else the plain text is shown). Then each
  // [n] in its text (not in code) that names a citation becomes a link to it, built as an element.
  function answerBody(html, citations, id, text) {
    const body = el("div", "answer-text");
    const parsed = new DOMParser().parseFromString(String(html || ""), "text/html").body;
    if (!onlyMarkdownMarkup(parsed)) {      // fail closed: markup commonmark does not make is never shown
      body.appendChild(el("p", null, text));
      return body;
    }
    body.replaceChildren(...parsed.childNodes);
    const known = new Set(citations.map(c => c.n));
    if (!known.size) return body;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest("code, a")) texts.push(n);
    }
    for (const node of texts) {
      const text = node.nodeValue;
      const pattern = /\[(\d+)\]/g;
      const parts = document.createDocumentFragment();
      let last = 0;
      let m;
      while ((m = pattern.exec(text)) !== null) {
        const n = Number(m[1]);
        if (!known.has(n)) continue;
        parts.appendChild(document.createTextNode(text.slice(last, m.index)));
        const a = el("a", "cite", "[" + n + "]");
        a.href = "#" + id + "-c" + n;
        a.setAttribute("aria-label", "source " + n);
        parts.appendChild(a);
        last = pattern.lastIndex;
      }
      if (last === 0) continue;
      parts.appendChild(document.createTextNode(text.slice(last)));
      node.replaceWith(parts);
    }
    return body;
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

  // A new answer's place in the conversation, shown while it is written; renderAnswer fills it when complete.
  function newAnswer() {
    const li = el("li", "turn answer streaming");
    li.id = "a" + (++answerCount);
    li.setAttribute("aria-busy", "true");
    li.appendChild(el("p", "who", "Docent"));
    conversation.appendChild(li);
    return li;
  }

  // The answer so far: its text replaces what was shown (a later text, or the final answer, may differ).
  function renderWritten(li, written) {
    const body = answerBody(written.html, [], li.id, written.text);
    const shown = li.querySelector(".answer-text");
    if (shown) shown.replaceWith(body); else li.appendChild(body);
    busy.hidden = true;
    li.scrollIntoView({block: "nearest"});
  }

  function renderAnswer(li, answer) {
    const id = li.id;
    const status = String(answer.status || "FAILED");
    const known = {ANSWERED: "answered", NOT_FOUND: "not-found"};
    li.className = "turn answer " + (known[status] || "failed");
    li.removeAttribute("aria-busy");
    li.replaceChildren(el("p", "who", "Docent"));
    if (status !== "ANSWERED") {
      li.appendChild(el("p", "status", status.replace(/_/g, " ").toLowerCase()));
    }
    const citations = Array.isArray(answer.citations) ? answer.citations : [];
    if (typeof answer.html === "string") {
      li.appendChild(answerBody(answer.html, citations, id, String(answer.text || "")));
    } else {
      li.appendChild(el("p", "answer-text", String(answer.text || "")));
    }
    if (citations.length) {
      li.appendChild(el("p", "citations-heading",
          status === "NOT_FOUND" ? "Closest sources (not cited):" : "Sources:"));
      li.appendChild(citationList(citations, id));
    }
    li.appendChild(sourcesView(answer));
    if (typeof answer.answerId === "string" && /^w-[0-9a-f]{32}$/.test(answer.answerId)) {
      li.appendChild(feedbackBar(answer.answerId));
    }
    li.dataset.status = status; // last: the answer is complete
    li.scrollIntoView({block: "nearest"});
  }

  // The words Slack and Teams use (UserTexts.THANKS); the server's error text when a vote is not kept.
  const THANKS = "Thanks for the feedback! It helps improve Docent's answers.";
  const MAX_COMMENT_CHARS = 2000;    // FeedbackRecord.MAX_COMMENT_CHARS: the server refuses more

  // 👍/👎 under an answer the server takes votes on (it gave an answerId): 👍 is sent at once, 👎 first opens a
  // short, optional comment box. One vote per answer: once it is kept the buttons stay disabled and say thanks.
  function feedbackBar(answerId) {
    const bar = el("div", "feedback");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Was this answer helpful?");
    const up = el("button", "vote up secondary", "👍");
    up.type = "button";
    up.title = "Helpful";
    up.setAttribute("aria-label", "Helpful");
    const down = el("button", "vote down secondary", "👎");
    down.type = "button";
    down.title = "Not helpful";
    down.setAttribute("aria-label", "Not helpful");
    const said = el("span", "feedback-status");
    said.setAttribute("role", "status");
    up.addEventListener("click", () => vote(bar, answerId, "up", ""));
    down.addEventListener("click", () => commentBox(bar, answerId));
    bar.append(up, down, said);
    return bar;
  }

  function commentBox(bar, answerId) {
    let form = bar.querySelector("form");
    if (form) {
      form.querySelector("textarea").focus();
      return;
    }
    form = el("form", "feedback-comment");
    const box = el("textarea");
    box.rows = 2;
    box.maxLength = MAX_COMMENT_CHARS;
    box.placeholder = "What was wrong or missing? (optional)";
    box.setAttribute("aria-label", "What was wrong or missing? (optional)");
    const submit = el("button", null, "Send 👎");
    submit.type = "submit";
    form.append(box, submit);
    form.addEventListener("submit", event => {
      event.preventDefault();
      vote(bar, answerId, "down", box.value.trim());
    });
    bar.appendChild(form);
    box.focus();
  }

  async function vote(bar, answerId, which, comment) {
    const controls = bar.querySelectorAll("button, textarea");
    for (const c of controls) c.disabled = true;
    const said = bar.querySelector(".feedback-status");
    try {
      const response = await fetch("/api/feedback", {
        method: "POST",
        headers: {"Content-Type": "application/json"},
        credentials: "same-origin",
        body: JSON.stringify({answerId: answerId, vote: which, comment: comment})
      });
      if (response.status === 204) {
        const form = bar.querySelector("form");
        if (form) form.remove();
        said.textContent = THANKS;
        bar.dataset.voted = which;
        return;
      }
      let body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      said.textContent = response.status === 401 ? "Your session has ended: reload the page and sign in again."
          : (body && body.error) || ("Your feedback was not saved (the server answered " + response.status + ").");
    } catch (e) {
      said.textContent = "Docent could not be reached; your feedback was not saved.";
    }
    for (const c of controls) c.disabled = false;
  }

  function addError(message, li) {
    renderAnswer(li || newAnswer(), {text: message, status: "ERROR", citations: [], evidence: []});
  }

  // Server-sent events from a fetch body: calls onEvent(name, data) for each complete event.
  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const {done, value} = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, {stream: true}).replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = "message";
        const data = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) name = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
        }
        if (data.length) onEvent(name, JSON.parse(data.join("\n")));
      }
    }
  }

  function remember(role, text) {
    history.push({role: role, text: text.slice(0, MAX_TURN_CHARS)});
    history = history.slice(-MAX_HISTORY_TURNS);
  }

  async function ask(text) {
    addUser(text);
    send.disabled = true;
    busy.hidden = false;
    const li = newAnswer();
    try {
      const response = await fetch("/api/chat/stream", {
        method: "POST",
        headers: {"Content-Type": "application/json", "Accept": "text/event-stream"},
        credentials: "same-origin",
        body: JSON.stringify({question: text, history: history})
      });
      if (!response.ok) {
        let body = null;
        try { body = await response.json(); } catch (e) { body = null; }
        addError(response.status === 401 ? "Your session has ended: reload the page and sign in again."
            : (body && body.error) || ("The server answered " + response.status + "."), li);
        return;
      }
      let final = null;
      await readEvents(response, (name, data) => {
        if (name === "text") renderWritten(li, data);
        else if (name === "answer") final = data;
        else if (name === "error") final = {text: data.error, status: "FAILED", citations: [], evidence: []};
      });
      if (!final) {
        addError("The answer was interrupted before it was complete. Please ask again.", li);
        return;
      }
      renderAnswer(li, final);
      if (final.inHistory === true) {      // the server says which answers are turns (Answer.belongsInHistory)
        remember("user", text);
        remember("assistant", String(final.text || ""));
      }
    } catch (e) {
      addError("Docent could not be reached. Check that it is running, then try again.", li);
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
