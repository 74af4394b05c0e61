//! The GitHub Pages workflow (`.github/workflows/pages.yml`, docs/DEPLOY.md) is valid YAML, builds
//! the site with `make dist` and publishes `dist/` with GitHub's own Pages actions.

use serde_yaml_ng::Value;

const WORKFLOW: &str = include_str!("../../.github/workflows/pages.yml");

fn workflow() -> Value {
    serde_yaml_ng::from_str(WORKFLOW).expect("pages.yml is valid YAML")
}

/// Every step of every job, with the job's name.
fn steps(workflow: &Value) -> Vec<(String, Value)> {
    let jobs = workflow["jobs"].as_mapping().expect("pages.yml has jobs");
    jobs.iter()
        .flat_map(|(name, job)| {
            let name = name.as_str().unwrap_or_default().to_string();
            job["steps"]
                .as_sequence()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |step| (name.clone(), step))
        })
        .collect()
}

/// The step that uses `action` (e.g. `actions/deploy-pages`), at any version.
fn uses<'a>(steps: &'a [(String, Value)], action: &str) -> Option<&'a (String, Value)> {
    steps.iter().find(|(_, step)| {
        step["uses"]
            .as_str()
            .and_then(|u| u.split_once('@'))
            .is_some_and(|(name, _)| name == action)
    })
}

#[test]
fn the_workflow_builds_with_make_dist_and_publishes_dist() {
    let workflow = workflow();
    let steps = steps(&workflow);
    let build = steps
        .iter()
        .position(|(_, s)| {
            s["run"]
                .as_str()
                .is_some_and(|run| run.lines().any(|l| l.trim() == "make dist"))
        })
        .expect("a step runs `make dist`");
    let upload = uses(&steps, "actions/upload-pages-artifact").expect("a step uploads the site");
    assert_eq!(
        upload.1["with"]["path"].as_str(),
        Some("dist"),
        "it uploads dist/"
    );
    let upload_index = steps.iter().position(|s| std::ptr::eq(s, upload)).unwrap();
    assert!(
        build < upload_index && steps[build].0 == upload.0,
        "`make dist` runs before the upload, in the same job"
    );
    let deploy = uses(&steps, "actions/deploy-pages").expect("a step deploys to Pages");
    let deploy_job = &workflow["jobs"][deploy.0.as_str()];
    let needs = &deploy_job["needs"];
    assert!(
        needs.as_str() == Some(upload.0.as_str())
            || needs
                .as_sequence()
                .is_some_and(|n| n.iter().any(|j| j.as_str() == Some(upload.0.as_str()))),
        "the deploy job waits for the build job: needs = {needs:?}"
    );
    assert!(
        uses(&steps, "actions/checkout").is_some(),
        "it checks out the repository"
    );
}

#[test]
fn the_workflow_runs_on_main_and_may_deploy_to_pages() {
    let workflow = workflow();
    assert!(
        workflow["on"]["push"]["branches"]
            .as_sequence()
            .is_some_and(|b| b.iter().any(|b| b.as_str() == Some("main"))),
        "it runs on a push to main: {:?}",
        workflow["on"]
    );
    // actions/deploy-pages needs both; nothing else may write.
    let permissions = &workflow["permissions"];
    assert_eq!(permissions["pages"].as_str(), Some("write"));
    assert_eq!(permissions["id-token"].as_str(), Some("write"));
    assert_eq!(permissions["contents"].as_str(), Some("read"));
}
