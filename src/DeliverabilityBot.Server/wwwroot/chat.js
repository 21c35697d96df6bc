// The web chat: posts each turn to /api/chat and shows the server-rendered (escaped) answer.
// User text is only ever inserted with textContent; only the server's HTML renderer output uses innerHTML.
"use strict";
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const box = document.getElementById("question");
  const send = document.getElementById("send");
  const status = document.getElementById("status");
  const suggestions = document.getElementById("suggestions");
  const starters = ["why is icloud deferring us?", "How many bounces today?", "What does 421 4.7.0 mean?", "What is ICL1001?"];
  const key = "dbot.conversationId";

  const conversationId = () => {
    let id = sessionStorage.getItem(key);
    if (!id) { id = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2); sessionStorage.setItem(key, id); }
    return id;
  };

  const add = (cls, build) => {
    const div = document.createElement("div");
    div.className = "message " + cls;
    build(div);
    log.appendChild(div);
    div.scrollIntoView({ block: "end", behavior: "smooth" });
    return div;
  };

  const showSuggestions = (items) => {
    suggestions.replaceChildren(...items.map((text) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.addEventListener("click", () => ask(text));
      return b;
    }));
  };

  const understood = (reply) => {
    const p = document.createElement("p");
    p.className = "understood";
    const entities = Object.entries(reply.entities || {}).map(([k, v]) => k + "=" + v).join(", ");
    p.textContent = "understood: " + reply.intent + (entities ? " · " + entities : "");
    return p;
  };

  async function ask(text) {
    text = text.trim();
    if (!text) return;
    add("me", (d) => { d.textContent = text; });
    send.disabled = true;
    status.textContent = "Thinking…";
    try {
      const res = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ conversationId: conversationId(), text }),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok || !body) {
        const detail = body && body.errors ? Object.entries(body.errors).map(([k, v]) => k + ": " + v.join(" ")).join("; ") : res.statusText;
        add("bot error", (d) => { d.textContent = "The server refused the question (" + res.status + "): " + detail; });
        return;
      }
      add("bot", (d) => { d.innerHTML = body.html; d.appendChild(understood(body)); });
      showSuggestions(body.answer.followUps || []);
      status.textContent = "";
    } catch (e) {
      add("bot error", (d) => { d.textContent = "Could not reach the server: " + e.message; });
      status.textContent = "";
    } finally {
      send.disabled = false;
      box.focus();
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = box.value;
    box.value = "";
    ask(text);
  });
  box.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });
  document.getElementById("new-conversation").addEventListener("click", () => {
    sessionStorage.removeItem(key);
    log.querySelectorAll(".message:not(.intro)").forEach((m) => m.remove());
    showSuggestions(starters);
    status.textContent = "Started a new conversation.";
    box.focus();
  });
  showSuggestions(starters);
})();
