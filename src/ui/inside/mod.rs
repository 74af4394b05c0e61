//! The inside view: the network unrolled over time (`#unrolled`) and the
//! gradient over time (`#grad-time`), live on the run being watched.
//!
//! Both read the core's pass ([`crate::rnn::trace::Pass`]) through the
//! controller: at the current weights, recomputed when a frame publishes, and
//! at the heat map's hovered point while the pointer is over the map. Nothing
//! is computed while the view is closed.

mod grad_time;
mod sequence;
pub mod step_through;
mod unrolled;

use std::sync::Arc;

use leptos::prelude::*;

use crate::params::read_bits;
use crate::rnn::Weights;
use crate::rnn::trace::{Pass, Unrolled};
use crate::ui::controller::{Controller, use_controller};

use grad_time::GradTime;
use step_through::StepThrough;
use unrolled::UnrolledView;

/// The passes the inside views draw, shared by both.
#[derive(Clone, Copy)]
pub struct Passes {
    /// At the current weights.
    pub current: RwSignal<Option<Arc<Pass>>>,
    /// At the hovered point of the heat map, while there is one.
    pub hovered: RwSignal<Option<Arc<Pass>>>,
}

impl Passes {
    /// Follows the run's frames and the hovered point for as long as the view lives.
    fn follow(ctrl: Controller) -> Passes {
        let passes = Passes {
            current: RwSignal::new(None),
            hovered: RwSignal::new(None),
        };
        let snapshot = ctrl.snapshot();
        let reduction = ctrl.setting(|s| s.reduction);
        Effect::new(move |_| {
            snapshot.track();
            reduction.track();
            passes.current.set(ctrl.pass_at(None).map(Arc::new));
        });
        let hovered = ctrl.hovered();
        Effect::new(move |_| {
            snapshot.track();
            let pass = hovered.get().and_then(|w| ctrl.pass_at(Some(w)));
            passes.hovered.set(pass.map(Arc::new));
        });
        passes
    }
}

/// The sequence the unrolled view shows: the chosen training sequence of the
/// pass (hovered, else current), or the typed one at the same weights.
fn unrolled_of(ctrl: Controller, passes: Passes) -> Memo<Option<Arc<Unrolled>>> {
    let seq = ctrl.setting(|s| s.seq);
    let input = ctrl.setting(|s| s.input.clone());
    Memo::new(move |_| {
        let pass = passes.hovered.get().or_else(|| passes.current.get())?;
        let typed = input.with(|i| i.as_deref().and_then(|t| read_bits(t).ok()));
        let unrolled = match typed {
            Some(bits) => Unrolled::typed(pass.model, &bits, pass.weights),
            None => pass.unrolled(seq.get().min(pass.samples.saturating_sub(1))),
        };
        Some(Arc::new(unrolled))
    })
}

/// The inside view's panels.
#[component]
pub fn InsideView() -> impl IntoView {
    let ctrl = use_controller();
    let passes = Passes::follow(ctrl);
    let unrolled = unrolled_of(ctrl, passes);
    let preview: Signal<Option<Weights>> =
        Signal::derive(move || passes.hovered.with(|p| p.as_ref().map(|p| p.weights)));
    let highlight = RwSignal::new(None::<usize>);
    view! {
        <div class="inside">
            <StepThrough highlight=highlight />
            <GradTime passes=passes />
            <UnrolledView unrolled=unrolled preview=preview highlight=highlight />
        </div>
    }
}
