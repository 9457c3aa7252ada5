/**
 * <messenger-advice>: answers the decision aid as soon as an answer changes, by loading the
 * server-rendered result (the same page the form submits to without JavaScript).
 */
class MessengerAdvice extends HTMLElement {
  private controller: AbortController | undefined;

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('[data-advice-form]')!;
    form.addEventListener('change', () => void this.update(form));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.update(form);
    });
    this.querySelector<HTMLElement>('[data-advice-submit]')!.hidden = true;
    // The first answer loads when the questions come into view, not during page load.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void this.update(form);
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(this);
  }

  private async update(form: HTMLFormElement): Promise<void> {
    this.controller?.abort();
    this.controller = new AbortController();
    const query = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    query.set('teil', 'ergebnis');
    try {
      const response = await fetch(`${form.action}?${query}`, { signal: this.controller.signal });
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const result = doc.querySelector('[data-advice-result]');
      if (result) this.querySelector('[data-advice-output]')!.replaceChildren(document.importNode(result, true));
    } catch (error) {
      if ((error as Error).name !== 'AbortError')
        this.querySelector('[data-advice-output]')!.textContent = 'Die Empfehlung konnte nicht geladen werden.';
    }
  }
}

customElements.define('messenger-advice', MessengerAdvice);

// A module, so its declarations stay local.
export {};
