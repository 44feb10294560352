/**
 * The banner shown while the API does not answer (network error or 503), with a retry button; it disappears by
 * itself when the server answers again.
 */
import { onApiDown } from "../api.js";
import { t } from "../i18n.js";
import { state } from "../state.js";
import { h, replace } from "./dom.js";

export function createBanner(retry: () => void): HTMLElement {
  const banner = h("div", { class: "banner", role: "alert", hidden: true, "data-testid": "api-banner" });
  let down = false;
  const render = () => {
    banner.hidden = !down;
    if (down)
      replace(
        banner,
        h("span", {}, t(state.lang, "apiDown")),
        h("button", { type: "button", onclick: retry }, t(state.lang, "retry")),
      );
  };
  onApiDown((d) => {
    down = d;
    render();
  });
  state.on("lang", render);
  return banner;
}
