//! The page: header, controls, run bar, read-outs, the two plots, footer.

use leptos::prelude::*;

use crate::params::Lang;

use super::announcer::Announcer;
use super::classroom::{self, ClassroomBar};
use super::controller::Controller;
use super::controls::{DataControls, InitControls, OptimizerControls, Playback};
use super::export::ExportPanel;
use super::format::millis;
use super::heatmap::SurfaceView;
use super::lang_select::{LangSelect, browser_lang};
use super::log_axis::LogAxisSwitch;
use super::loss_chart::LossChart;
use super::notice::UrlNotice;
use super::readouts::{DivergenceNote, OptimizerState, Readouts, StatusLine};
use super::shortcuts::ShortcutsDialog;
use super::text::{Text, use_text};
use super::url_sync::{self, SeekNote};

#[component]
pub fn App() -> impl IntoView {
    let startup = url_sync::read_location();
    let ctrl = Controller::new(classroom::initial_state(&startup));
    let classroom = classroom::setup(ctrl, startup);
    let settings = ctrl.settings();

    // The catalogue follows `lang=`, else the browser's language.
    let browser = browser_lang();
    let lang = Memo::new(move |_| settings.with(|s| s.lang.unwrap_or(browser)));
    let text: Signal<&'static Text> = Signal::derive(move || Text::get(lang.get()));
    provide_context(text);
    Effect::new(move |_| {
        let text = text.get();
        let document = document();
        document.set_title(text.title);
        if let Some(root) = document.document_element() {
            // Only the language tag; failure leaves the page's default.
            let _ = root.set_attribute("lang", text.lang);
        }
    });

    let present = Memo::new(move |_| settings.with(|s| s.present));
    let embed = Memo::new(move |_| settings.with(|s| s.embed));

    view! {
        // `data-hide` lists the hidden controls, so CSS can hide the parts of dumb views
        // (the heat map's range tools) that hold no controller.
        <div
            id="app"
            class="app"
            class:present=move || present.get()
            class:embed=move || embed.get()
            data-hide=move || settings.with(|s| s.hide.iter().map(|c| c.name()).collect::<Vec<_>>().join(" "))
        >
            <Header ctrl=ctrl lang=lang />
            <Announcer ctrl=ctrl />
            <UrlNotice />
            <SeekNote progress=classroom.seek />
            <main class="layout">
                <aside class="controls">
                    // Scenarios and sharing head the controls column, so at 1280×720 the
                    // plots stay in view without scrolling.
                    <ClassroomBar ctrl=ctrl classroom=classroom />
                    <OptimizerControls ctrl=ctrl />
                    <DataControls ctrl=ctrl />
                    <InitControls ctrl=ctrl />
                    <ExportPanel ctrl=ctrl seek=classroom.seek />
                </aside>
                <div class="stage">
                    <div class="runbar">
                        <Playback ctrl=ctrl />
                        <StatusLine ctrl=ctrl />
                    </div>
                    <DivergenceNote ctrl=ctrl />
                    <Readouts ctrl=ctrl />
                    <Plots ctrl=ctrl />
                    <OptimizerState ctrl=ctrl />
                </div>
            </main>
            <Footer />
            <BenchResult ctrl=ctrl />
            <ShortcutsDialog open=classroom.shortcuts />
        </div>
    }
}

#[component]
fn Header(ctrl: Controller, lang: Memo<Lang>) -> impl IntoView {
    let text = use_text();
    view! {
        <header id="app-header" class="masthead">
            <LangSelect ctrl=ctrl lang=lang />
            <h1>
                {move || text.get().title}
                <span class="tagline">" — "{move || text.get().tagline}</span>
            </h1>
            <p class="model explanation">
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
                    <LogAxisSwitch ctrl=ctrl />
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
        <footer id="app-footer" class="colophon">
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
