//! Hosting on a real server: `dist/` served under a sub-path by Debian's nginx through the
//! project's own configuration, `deploy/nginx.conf`, included exactly as docs/DEPLOY.md tells a
//! host to. The tests check the headers a host must get right (the wasm's type, the
//! precompressed files, the cache rules) and that the app works through that server.
//!
//! nginx runs as this test's child process, in the foreground and as one process, on a free
//! loopback port, with its configuration, pid file, logs and temporary files in a fresh
//! directory: it needs no system-wide set-up and no port 80, and `Drop` stops it if a test
//! fails. `make setup-nginx` (run by `make test`) installs nginx and its brotli_static module;
//! without them the tests fail and say so.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::harness::dist_dir;
use crate::page::{AppPage, assert_clean_console, lines, number};

const PREFIX: &str = "/some/sub/path/";
const NGINX: &str = "/usr/sbin/nginx";
/// Debian's libnginx-mod-http-brotli-static.
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/nginx.conf");
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
/// What Chromium asks for from a secure origin (https, or loopback as here).
const ACCEPT_ALL: &str = "gzip, deflate, br, zstd";

/// nginx serving `dist/` under [`PREFIX`]; stopped by `Drop`.
struct Nginx {
    child: Option<Child>,
    dir: PathBuf,
    port: u16,
}

impl Nginx {
    fn start(dist: &Path) -> Nginx {
        assert!(
            Path::new(NGINX).is_file(),
            "{NGINX} is missing: install Debian's nginx with `make setup-nginx`"
        );
        assert!(
            Path::new(BROTLI_MODULE).is_file(),
            "{BROTLI_MODULE} is missing: install it with `make setup-nginx`"
        );
        let dist = dist
            .canonicalize()
            .unwrap_or_else(|e| panic!("{}: {e} (run `make dist`)", dist.display()));
        let dir = fresh_dir();
        std::fs::create_dir_all(&dir).expect("create the nginx directory");
        let port = free_port();
        let d = dir.display();
        // `master_process off`: one process, which Child::kill stops whole. Every path nginx
        // would otherwise take from its build (logs, pid, temporary files) points into `dir`.
        let config = format!(
            r#"daemon off;
master_process off;
pid "{d}/nginx.pid";
error_log "{d}/error.log" info;
load_module "{BROTLI_MODULE}";
events {{}}
http {{
    log_format status '$status $request_uri $sent_http_content_encoding';
    access_log "{d}/access.log" status;
    client_body_temp_path "{d}/body";
    proxy_temp_path "{d}/proxy";
    fastcgi_temp_path "{d}/fastcgi";
    uwsgi_temp_path "{d}/uwsgi";
    scgi_temp_path "{d}/scgi";
    server {{
        listen 127.0.0.1:{port};
        location {PREFIX} {{
            alias "{dist}/";
            include "{CONFIG}";
        }}
    }}
}}
"#,
            dist = dist.display(),
        );
        std::fs::write(dir.join("nginx.conf"), config).expect("write nginx.conf");
        let log = std::fs::File::create(dir.join("stderr.log")).expect("create nginx's log");
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(&dir)
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .arg("-e")
            .arg(dir.join("error.log"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("clone the log handle"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("start {NGINX}: {e}"));
        let mut nginx = Nginx {
            child: Some(child),
            dir,
            port,
        };
        nginx.wait_listening();
        nginx
    }

    fn wait_listening(&mut self) {
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return;
            }
            let exited = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten());
            if exited.is_some() || Instant::now() >= deadline {
                let logs = self.logs();
                panic!(
                    "nginx did not come up on port {} ({}):\n{logs}",
                    self.port,
                    exited.map_or("timed out".to_string(), |s| s.to_string()),
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The app's address: `http://127.0.0.1:PORT/some/sub/path/`.
    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}{PREFIX}", self.port)
    }

    /// `GET path` with `headers`, on a connection of its own.
    fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))
            .unwrap_or_else(|e| panic!("connect to nginx: {e}"));
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("set a read timeout");
        let mut request = format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n",
            self.port
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream
            .write_all(request.as_bytes())
            .unwrap_or_else(|e| panic!("send GET {path}: {e}"));
        let mut raw = Vec::new();
        stream
            .read_to_end(&mut raw)
            .unwrap_or_else(|e| panic!("read the answer to GET {path}: {e}"));
        Response::parse(&raw).unwrap_or_else(|| {
            panic!(
                "GET {path}: not an HTTP answer: {}",
                String::from_utf8_lossy(&raw)
            )
        })
    }

    /// The access log: one `status uri content-encoding` line per request.
    fn access_log(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.join("access.log"))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    fn logs(&self) -> String {
        ["stderr.log", "error.log"]
            .iter()
            .map(|f| std::fs::read_to_string(self.dir.join(f)).unwrap_or_default())
            .collect()
    }

    /// Stops nginx and removes its directory; safe to repeat.
    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        self.stop();
    }
}

fn fresh_dir() -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    std::env::temp_dir().join(format!("rnn-nginx-{}-{nanos}", std::process::id()))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("find a free port")
}

/// An HTTP answer read whole (nginx sends static files with a Content-Length).
struct Response {
    status: u16,
    /// Names in lower case.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8]) -> Option<Response> {
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = std::str::from_utf8(&raw[..end]).ok()?;
        let mut lines = head.split("\r\n");
        let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Some(Response {
            status,
            headers,
            body: raw[end + 4..].to_vec(),
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The headers a host must get right, on one line.
    fn summary(&self) -> String {
        let h = |n| self.header(n).unwrap_or("-");
        format!(
            "{} | Content-Type: {} | Content-Encoding: {} | Content-Length: {} | \
             Cache-Control: {} | Vary: {}",
            self.status,
            h("content-type"),
            h("content-encoding"),
            h("content-length"),
            h("cache-control"),
            h("vary")
        )
    }
}

/// The one file in `dist` whose name ends with `suffix` (e.g. `_bg.wasm`).
fn dist_file(dist: &Path, suffix: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(dist)
        .unwrap_or_else(|e| panic!("{}: {e} (run `make dist`)", dist.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(suffix))
        .collect();
    assert_eq!(names.len(), 1, "one *{suffix} in {}", dist.display());
    names[0].clone()
}

/// The `_headers` file's rules: (path pattern, [(header, value)]).
fn headers_file_rules(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            rules.push((trimmed.to_string(), Vec::new()));
        } else if let (Some(rule), Some((name, value))) =
            (rules.last_mut(), trimmed.split_once(':'))
        {
            rule.1
                .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    rules
}

/// Whether a `_headers` path pattern matches `path`: `*` matches any run of characters,
/// slashes included (as Netlify and Cloudflare Pages read it).
fn splat_matches(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, tail)) => {
            path.len() >= head.len() + tail.len()
                && path.starts_with(head)
                && splat_matches_tail(tail, &path[head.len()..])
        }
    }
}

fn splat_matches_tail(tail: &str, rest: &str) -> bool {
    if !tail.contains('*') {
        return rest.ends_with(tail);
    }
    (0..=rest.len())
        .filter(|&i| rest.is_char_boundary(i))
        .any(|i| splat_matches(tail, &rest[i..]))
}

/// The Cache-Control values that `_headers` gives `path` (one per matching rule).
fn headers_file_cache_control(
    rules: &[(String, Vec<(String, String)>)],
    path: &str,
) -> Vec<String> {
    rules
        .iter()
        .filter(|(pattern, _)| splat_matches(pattern, path))
        .flat_map(|(_, headers)| headers.iter().filter(|(n, _)| n == "cache-control"))
        .map(|(_, v)| v.clone())
        .collect()
}

#[test]
#[ignore = "needs dist/ and nginx; run by make test"]
fn nginx_sends_the_wasm_type_the_precompressed_files_and_the_cache_rules() {
    let dist = dist_dir();
    let js = dist_file(&dist, ".js");
    let wasm = dist_file(&dist, "_bg.wasm");
    let rules = headers_file_rules(
        &std::fs::read_to_string(dist.join("_headers")).expect("dist/_headers (run `make dist`)"),
    );
    // (URL under the prefix, file in dist/, Content-Type, Cache-Control)
    let cases = [
        ("", "index.html", "text/html", REVALIDATE),
        ("index.html", "index.html", "text/html", REVALIDATE),
        (js.as_str(), js.as_str(), "text/javascript", IMMUTABLE),
        (wasm.as_str(), wasm.as_str(), "application/wasm", IMMUTABLE),
    ];
    let read = |name: &str| {
        std::fs::read(dist.join(name))
            .unwrap_or_else(|e| panic!("{name} in {}: {e} (run `make dist`)", dist.display()))
    };

    let mut nginx = Nginx::start(&dist);
    let mut seen = Vec::new();
    let mut problems = Vec::new();
    for (url, file, content_type, cache_control) in cases {
        let path = format!("{PREFIX}{url}");
        // (Accept-Encoding, the Content-Encoding and the file nginx must send for it)
        let encodings = [
            (None, None, file.to_string()),
            (Some("gzip"), Some("gzip"), format!("{file}.gz")),
            (Some(ACCEPT_ALL), Some("br"), format!("{file}.br")),
        ];
        for (accept, encoding, sent) in encodings {
            let headers: Vec<(&str, &str)> =
                accept.map(|a| ("Accept-Encoding", a)).into_iter().collect();
            let response = nginx.get(&path, &headers);
            seen.push(format!(
                "GET {path} [Accept-Encoding: {}] -> {}",
                accept.unwrap_or("-"),
                response.summary()
            ));
            let mut check = |ok: bool, what: &str| {
                if !ok {
                    problems.push(format!(
                        "GET {path} [{accept:?}]: {what}: {}",
                        response.summary()
                    ));
                }
            };
            check(response.status == 200, "status");
            check(
                response
                    .header("content-type")
                    .is_some_and(|t| t.starts_with(content_type)),
                content_type,
            );
            check(response.header("content-encoding") == encoding, "encoding");
            check(
                response.body == read(&sent),
                &format!("body is not {sent} byte for byte"),
            );
            check(
                response.header("cache-control") == Some(cache_control),
                cache_control,
            );
            check(
                response
                    .header("vary")
                    .is_some_and(|v| v.eq_ignore_ascii_case("accept-encoding")),
                "Vary: Accept-Encoding",
            );
        }
        // The hosts that read dist/_headers get the same rule, at the root or under a sub-path.
        for host_path in [format!("/{url}"), format!("{PREFIX}{url}")] {
            let rule = headers_file_cache_control(&rules, &host_path);
            if rule != [cache_control] {
                problems.push(format!(
                    "_headers gives {host_path} Cache-Control {rule:?}, nginx {cache_control:?}"
                ));
            }
        }
    }
    // index.html is revalidated: asking again with its ETag costs a 304 and no body.
    let first = nginx.get(PREFIX, &[]);
    let etag = first.header("etag").unwrap_or_default().to_string();
    let again = nginx.get(PREFIX, &[("If-None-Match", etag.as_str())]);
    seen.push(format!(
        "GET {PREFIX} [If-None-Match: {etag}] -> {}",
        again.summary()
    ));
    if etag.is_empty() || again.status != 304 || !again.body.is_empty() {
        problems.push(format!("revalidating index.html: {}", again.summary()));
    }
    // A hashed name that does not exist is a 404 that no one may cache for a year.
    let missing = nginx.get(
        &format!("{PREFIX}rnn-playground-0123456789abcdef_bg.wasm"),
        &[],
    );
    seen.push(format!(
        "GET a missing hashed file -> {}",
        missing.summary()
    ));
    if missing.status != 404 || missing.header("cache-control") == Some(IMMUTABLE) {
        problems.push(format!("a missing hashed file: {}", missing.summary()));
    }
    let logs = nginx.logs();
    nginx.stop();

    println!(
        "headers through nginx with deploy/nginx.conf:\n{}",
        lines(&seen)
    );
    assert!(
        problems.is_empty(),
        "{}\nall answers:\n{}\nnginx's log:\n{logs}",
        lines(&problems),
        lines(&seen)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/, nginx and chromium; run by make test"]
async fn through_nginx_the_app_plays_restores_a_link_and_logs_no_error() {
    let dist = dist_dir();
    let wasm = dist_file(&dist, "_bg.wasm");
    let size = |name: String| std::fs::metadata(dist.join(&name)).map_or(0, |m| m.len());
    let (wasm_raw, wasm_gz, wasm_br) = (
        size(wasm.clone()),
        size(format!("{wasm}.gz")),
        size(format!("{wasm}.br")),
    );

    let mut nginx = Nginx::start(&dist);
    let page = AppPage::start_at(&nginx.base_url()).await;
    let started = page.open("").await;
    let first_loss = page.readout("loss").await;
    page.play().await;
    // Several hundred epochs a second when playing: 50 take a fraction of a second.
    let played = page
        .wait_until(Duration::from_secs(20), || async {
            page.epoch().await.is_some_and(|e| e >= 50)
        })
        .await;
    let later_loss = page.readout("loss").await;
    page.pause().await;
    let requests = page.network_requests().await;
    let restored = page.open("?lr=0.01&opt=gd").await;
    let optimizer = page.value("#optimizer").await;
    let lr = page.value("#lr").await;
    let errors = page.finish().await;
    let access = nginx.access_log();
    nginx.stop();

    assert!(
        started.is_ok() && restored.is_ok(),
        "the app did not start through nginx: {started:?} {restored:?}\nerrors:\n{}",
        lines(&errors)
    );
    assert!(played.is_ok(), "the epoch never reached 50: {played:?}");
    assert!(
        first_loss.zip(later_loss).is_some_and(|(a, b)| b < a),
        "the loss did not fall: {first_loss:?} -> {later_loss:?}"
    );
    assert_eq!(optimizer, "gd", "the link's opt=gd");
    assert!(
        number(&lr).is_some_and(|v| (v - 0.01).abs() < 1e-12),
        "the link's lr=0.01, the page shows {lr:?}"
    );
    // The browser got the .br file as it is (Chromium asks for brotli from secure origins, and
    // loopback is one; the .gz is for the others).
    let wasm_request = requests
        .iter()
        .find(|r| r.url.ends_with(&wasm))
        .unwrap_or_else(|| panic!("no request for {wasm}: {requests:?}"));
    assert_eq!(wasm_request.decoded_body_size, wasm_raw, "{wasm_request:?}");
    assert_eq!(
        wasm_request.encoded_body_size, wasm_br,
        "the wasm came as {} B, not as the {wasm_br} B .br (the .gz has {wasm_gz} B)",
        wasm_request.encoded_body_size
    );
    println!(
        "the browser got the wasm as {} B for {wasm_raw} B; nginx's log:\n{}",
        wasm_request.encoded_body_size,
        lines(&access)
    );
    let bad: Vec<&String> = access
        .iter()
        .filter(|l| !(l.starts_with("200 ") || l.starts_with("304 ")) || !l.contains(PREFIX))
        .collect();
    assert!(bad.is_empty(), "nginx answered:\n{}", lines(&bad));
    // Immutable: the second page (the link) took the JS and the wasm from the browser's cache.
    let wasm_fetches = access.iter().filter(|l| l.contains(&wasm)).count();
    assert_eq!(
        wasm_fetches,
        1,
        "the wasm was fetched {wasm_fetches} times:\n{}",
        lines(&access)
    );
    assert_clean_console(&errors);
}
