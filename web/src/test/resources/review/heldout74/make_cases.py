#!/usr/bin/env python3
"""Writes the round-74 held-out review corpus: one git diff per case (SOURCES.md is written by hand).

The cases are in cases_go.py and cases_java.py: templates written once, each giving three cases (two defect versions
and a clean look-alike; `N|` lines and `//@ITEM` markers as in round 16's common16.py). No generator code lives here:
this file holds the round's MOVED and ACCEPT lines and calls the generator every round from 36 on shares,
`../heldoutlib.py` (`generate`: the template checks of rounds 28 and 29, then round 11's `write`, then the accept
lines).
Run: python3 make_cases.py   (rewrites *.diff in this directory)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import heldoutlib  # noqa: E402  (the generator the rounds share, one folder up)

cases_go, cases_java = heldoutlib.round_modules(HERE)

# Label errors of this corpus found after run 1 (RESULTS.md): a finding of the review on a line whose code really has
# that defect and that the case did not label. Each becomes an `# accept:` header line for run 2; no case code and no
# expectation changes. Filled in after run 1 only, for run 2.
ACCEPT = {
    # run 1: the review flags the per-item g.Go of the loop whose group limit the edit removed, three lines below the
    # label on the group; that line starts the unbounded goroutines, so the finding is a real defect of the code
    'go-20-imgry-bucket-fetch-unbounded': ['server/middleware.go:36:CONC-02'],
    # run 1: the review flags the declaration of the static SimpleDateFormat the edit adds, thirteen lines above the
    # label on its per-call mutation; sharing that formatter between threads is the defect itself
    'java-06-brightspot-schedule-shared-formatter': [
        'tool-ui/src/main/java/com/psddev/cms/tool/ScheduleDateFormat.java:16:CONC-03'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # the loop inlines the media sniffing the clean version keeps as its own function
    'podsync-renamed-ytdl-defer-close-in-loop': ['return path, nil',
                                                 'return "", fmt.Errorf("no media file for %s in %s", id, dir)',
                                                 'f, err := os.Open(path)', 'if err != nil {', 'return "", err',
                                                 'head := make([]byte, 512)', 'n, _ := io.ReadFull(f, head)',
                                                 'kind := http.DetectContentType(head[:n])', '}'],
    # the shared client's settings move into a client built per request
    'imgproxy-new-download-client-per-request': ['Timeout:   time.Duration(config.DownloadTimeout) * time.Second,',
                                                 'Transport: newTransport(),', '}'],
    # the pool's shutdown moves from the finally block to the end of the successful path
    'airsonic-moved-scanner-pool-leaks-on-failure': ['pool.shutdown();'],
    # the shared client's builder moves into the download method
    'pigeon-pod-new-downloader-client-per-episode': [
        'public Path download(Episode episode, Path folder) throws IOException, InterruptedException {',
        '.connectTimeout(CONNECT_TIMEOUT)', '.followRedirects(HttpClient.Redirect.NORMAL)', '.build();'],
    # the status check moves ahead of the try-with-resources that owns the body
    'pigeon-pod-new-downloader-error-body-left-open': [
        'try (InputStream body = response.body()) {', 'Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);',
        'if (response.statusCode() != 200) {',
        'throw new IOException("Download of episode " + episode.getId() + " answered " + response.statusCode());',
        '}'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
