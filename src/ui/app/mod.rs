//! The page: header, controls, run bar, read-outs, the two plots, footer;
//! and what surrounds them (the URL, keys, modes, language, notices).

pub mod after_paint;
pub mod announcer;
pub mod classroom;
pub mod keyboard;
pub mod lang_select;
pub mod modes;
pub mod notice;
pub mod seek_note;
pub mod shortcuts;
pub mod url_sync;

use leptos::prelude::*;

use crate::params::Lang;

use crate::rnn::{CellKind, Task};
use crate::ui::controller::settings::max_speed;
use crate::ui::controller::{Controller, use_controller};
use crate::ui::controls::{CellControls, DataControls, InitControls, OptimizerControls, Playback};
use crate::ui::panels::data_table::DataTable;
use crate::ui::panels::divergence::DivergenceNote;
use crate::ui::panels::export::ExportPanel;
use crate::ui::panels::optimizer_state::OptimizerState;
use crate::ui::panels::race::{RaceAdd, RaceLegend, RacePanel};
use crate::ui::panels::readouts::Readouts;
use crate::ui::panels::status::StatusLine;
use crate::ui::plots::Plots;
use crate::ui::text::{Text, use_text, words};
use crate::ui::timing::bench;
use crate::ui::timing::observer::BenchResult;

use after_paint::AfterFirstPaint;
use announcer::Announcer;
use classroom::ClassroomBar;
use lang_select::{LangSelect, browser_lang};
use notice::UrlNotice;
use seek_note::SeekNote;
use shortcuts::ShortcutsDialog;

#[component]
pub fn App() -> impl IntoView {
    let startup = url_sync::read_location();
    // `bench=1`: full speed, no pause at a plateau, playing at once; the
    // observer (`BenchResult`) times the frames from outside the controller.
    let bench = bench::requested();
    let mut initial = classroom::initial_state(&startup);
    if bench {
        initial.speed = f64::from(max_speed(&initial.data));
    }
    let ctrl = Controller::new(initial);
    provide_context(ctrl);
    if bench {
        ctrl.set_plateau_stop(false);
        ctrl.play();
    }
    let classroom = classroom::setup(ctrl, startup);
    let settings = ctrl.settings();

    // The catalogue follows `lang=`, else the browser's language.
    let browser = browser_lang();
    let lang = ctrl.setting(move |s| s.lang.unwrap_or(browser));
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

    let present = ctrl.setting(|s| s.present);
    let racing = ctrl.setting(|s| !s.race.is_empty());
    let embed = ctrl.setting(|s| s.embed);

    // With the page's own copy of the header on screen (index.html), the app's header can wait
    // its turn like the rest; without it, the header comes at once, so nothing moves under it.
    let first_paint = document().get_element_by_id(FIRST_PAINT);
    let header = if let Some(copy) = first_paint {
        // Into the app's root, in the task that mounts it: the root then starts where the
        // copy was instead of below it, so the page does not shift when the copy goes.
        Effect::new(move |_| {
            if let Some(root) = document().get_element_by_id("app") {
                let _ = root.prepend_with_node_1(&copy);
            }
        });
        view! { <AfterFirstPaint><Header lang=lang /></AfterFirstPaint> }.into_any()
    } else {
        view! { <Header lang=lang /> }.into_any()
    };
    let notices = view! {
        <AfterFirstPaint>
            <Announcer />
            <UrlNotice />
            <SeekNote progress=classroom.seek />
        </AfterFirstPaint>
    };
    // The stage is built first, so its parts mount first: on a phone it sits above the
    // controls, and what mounts later then only ever adds below what is already shown.
    let stage = view! {
        <div class="stage">
            // The run bar, the read-outs and both plots: on a laptop or projector they fill the
            // first screen together (style/main.css sizes the plots to the height left).
            <div class="first-screen">
                <AfterFirstPaint>
                    <div class="runbar">
                        <Playback />
                        <StatusLine seek=classroom.seek />
                    </div>
                    // On the projector the note sits beside the map instead (see `Plots`),
                    // so that a divergence never pushes the plots off the screen.
                    <Show when=move || !present.get()>
                        <DivergenceNote />
                    </Show>
                </AfterFirstPaint>
                <AfterFirstPaint>
                    <Readouts />
                    // In a race the read-outs (of the page's own run) give way to the legend.
                    <RaceLegend />
                </AfterFirstPaint>
                <Plots />
            </div>
            <AfterFirstPaint>
                <RacePanel />
            </AfterFirstPaint>
            <AfterFirstPaint>
                <OptimizerState />
            </AfterFirstPaint>
            <AfterFirstPaint>
                <DataTable />
            </AfterFirstPaint>
        </div>
    };
    let controls = view! {
        <aside class="controls">
            // Scenarios and sharing head the controls column, so at 1280×720 the
            // plots stay in view without scrolling.
            <AfterFirstPaint>
                <ClassroomBar classroom=classroom />
            </AfterFirstPaint>
            <AfterFirstPaint>
                <CellControls />
            </AfterFirstPaint>
            <AfterFirstPaint>
                <OptimizerControls />
            </AfterFirstPaint>
            <AfterFirstPaint>
                <RaceAdd />
                <DataControls />
            </AfterFirstPaint>
            <AfterFirstPaint>
                <InitControls />
            </AfterFirstPaint>
            <AfterFirstPaint>
                <ExportPanel seek=classroom.seek />
            </AfterFirstPaint>
        </aside>
    };

    view! {
        // `data-hide` lists the hidden controls, so CSS can hide the parts of dumb views
        // (the heat map's range tools) that hold no controller.
        <div
            id="app"
            class="app"
            class:present=move || present.get()
            class:embed=move || embed.get()
            class:racing=move || racing.get()
            data-hide=move || settings.with(|s| s.hide.iter().map(|c| c.name()).collect::<Vec<_>>().join(" "))
        >
            {header}
            {notices}
            <main class="layout">{controls}{stage}</main>
            <AfterFirstPaint>
                <Footer />
                <BenchResult active=bench />
                <ShortcutsDialog open=classroom.shortcuts />
            </AfterFirstPaint>
        </div>
    }
}

/// The id of index.html's copy of the header, shown until the app's own is mounted.
const FIRST_PAINT: &str = "first-paint";

#[component]
fn Header(lang: Memo<Lang>) -> impl IntoView {
    let text = use_text();
    let cell = use_controller().setting(|s| (s.model, s.task));
    // The words before the formula, the formula and the words after, for the chosen cell.
    let part = move |i: usize| {
        let (model, task) = cell.get();
        (text.get().model_explained)(model, task)[i]
    };
    // Mounted in the same task as this header, so no frame shows both or neither.
    Effect::new(|_| {
        if let Some(copy) = document().get_element_by_id(FIRST_PAINT) {
            copy.remove();
        }
    });
    view! {
        <header id="app-header" class="masthead">
            <LangSelect lang=lang />
            <h1>
                {words(|t| t.title)}
                <span class="tagline">" — "{move || {
                    let (model, task) = cell.get();
                    (text.get().tagline_for)(model, task)
                }}</span>
            </h1>
            // One text node each side of the formula, as in index.html's copy: the browser
            // measures split text a pixel wider, and would count this as a later, larger paint.
            <p class="model explanation">
                {move || format!("{} ", part(0))}
                <code class="formula">{move || part(1)}</code>
                {move || format!(" {}", part(2))}
            </p>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let counting =
        use_controller().setting(|s| s.model == CellKind::Linear && s.task == Task::Count);
    view! {
        <footer id="app-footer" class="colophon">
            // The lines |w_rec| = 1 are drawn for the linear cell counting only.
            <p hidden=move || !counting.get()>{words(|t| t.footer_lesson)}</p>
            <p>{words(|t| t.footer_credit)}</p>
        </footer>
    }
}
