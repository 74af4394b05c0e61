//! The page: header, controls, run bar, read-outs, the two plots, footer.

use leptos::prelude::*;

use crate::params::Lang;

use super::controller::Controller;
use super::controls::{DataControls, InitControls, OptimizerControls, Playback};
use super::format::millis;
use super::heatmap::SurfaceView;
use super::loss_chart::LossChart;
use super::readouts::{OptimizerState, Readouts};
use super::settings::initial_settings;
use super::text::{Text, use_text};

#[component]
pub fn App() -> impl IntoView {
    let ctrl = Controller::new(initial_settings());
    let settings = ctrl.settings();

    // The catalogue follows the language setting (English until Japanese lands).
    let lang = Memo::new(move |_| settings.with(|s| s.lang.unwrap_or(Lang::En)));
    let text: Signal<&'static Text> = Signal::derive(move || Text::get(lang.get()));
    provide_context(text);
    Effect::new(move |_| {
        let tag = text.get().lang;
        if let Some(root) = document().document_element() {
            // Only the language tag; failure leaves the page's default.
            let _ = root.set_attribute("lang", tag);
        }
    });

    let present = Memo::new(move |_| settings.with(|s| s.present));
    let embed = Memo::new(move |_| settings.with(|s| s.embed));

    view! {
        <div class="app" class:present=move || present.get() class:embed=move || embed.get()>
            <Header />
            <main class="layout">
                <aside class="controls">
                    <OptimizerControls ctrl=ctrl />
                    <DataControls ctrl=ctrl />
                    <InitControls ctrl=ctrl />
                </aside>
                <div class="stage">
                    <Playback ctrl=ctrl />
                    <Readouts ctrl=ctrl />
                    <Plots ctrl=ctrl />
                    <OptimizerState ctrl=ctrl />
                </div>
            </main>
            <Footer />
            <BenchResult ctrl=ctrl />
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    let text = use_text();
    view! {
        <header class="masthead">
            <h1>
                {move || text.get().title}
                <span class="tagline">" — "{move || text.get().tagline}</span>
            </h1>
            <p class="model">
                {move || text.get().model_intro}
                " "
                <code class="formula">{move || text.get().model_formula}</code>
                " "
                {move || text.get().model_outro}
            </p>
        </header>
    }
}

/// The loss surface with the path, and the loss curve, side by side.
#[component]
fn Plots(ctrl: Controller) -> impl IntoView {
    let text = use_text();
    let settings = ctrl.settings();
    let snapshot = ctrl.snapshot();
    let surface_ms = ctrl.surface_ms();
    let diverged = Memo::new(move |_| snapshot.with(|s| s.run.is_diverged()));
    let large = Memo::new(move |_| settings.with(|s| s.present));
    let log_y = Memo::new(move |_| settings.with(|s| s.log_axis));
    let timing = move || {
        let text = text.get();
        match surface_ms.get() {
            Some(ms) => (text.surface_ms)(&millis(ms, text)),
            None => text.surface_pending.to_string(),
        }
    };

    view! {
        <div class="plots">
            <section class="plot-card" aria-labelledby="surface-title">
                <div class="plot-card-head">
                    <h2 id="surface-title">{move || text.get().surface_title}</h2>
                    <p id="surface-ms" class="timing">{timing}</p>
                </div>
                <SurfaceView
                    surface=ctrl.surface()
                    view=ctrl.surface_view()
                    path=ctrl.path()
                    diverged=diverged
                    on_pick=Callback::new(move |w| ctrl.pick_init(w))
                    on_view_change=Callback::new(move |bounds| ctrl.set_view(bounds))
                    large=large
                />
            </section>
            <section class="plot-card" aria-labelledby="loss-title">
                <div class="plot-card-head">
                    <h2 id="loss-title">{move || text.get().loss_title}</h2>
                </div>
                <LossChart points=ctrl.loss_points() log_y=log_y large=large />
            </section>
        </div>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let text = use_text();
    view! {
        <footer class="colophon">
            <p>{move || text.get().footer_lesson}</p>
            <p>{move || text.get().footer_credit}</p>
        </footer>
    }
}

/// `#bench-result`: the benchmark's JSON (`?bench=1`), hidden, for the e2e test.
#[component]
fn BenchResult(ctrl: Controller) -> impl IntoView {
    let result = ctrl.bench_result();
    view! { <pre id="bench-result" hidden>{move || result.get().unwrap_or_default()}</pre> }
}
