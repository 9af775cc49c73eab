package kb.review.engine;

import static kb.review.engine.GoLibraryModelsRound12Test.LEAK;
import static kb.review.engine.GoLibraryModelsRound12Test.pair;
import static kb.review.engine.GoLibraryModelsRound12Test.reported;
import static kb.review.engine.GoRound8ClassesTest.item;

import org.junit.jupiter.api.Test;

/**
 * The round-12 Go models of workers and processes (content/rules/models/go-libraries-7.yaml): chromedp browser
 * contexts, workerpool and tunny pools, go-plugin clients and esutil bulk indexers, whose goroutines or processes
 * outlive the call on an early return unless cancelled, stopped, killed or closed. Split from
 * {@link GoLibraryModelsRound12Test}, whose pair checks they share: the defect is reported on the line that acquires
 * the value and the look-alike with the release added is clean.
 */
class GoLibraryModelsRound12WorkersTest {

    // --- chromedp: a browser started per screenshot whose cancel is only called on success
    private static final String CHROMEDP = """
            import (
            	"context"

            	"github.com/chromedp/chromedp"
            )

            func Screenshot(parent context.Context, url string) ([]byte, error) {
            	ctx, cancel := chromedp.NewContext(parent)
            %s	var png []byte
            	if err := chromedp.Run(ctx, chromedp.Navigate(url), chromedp.FullScreenshot(&png, 90)); err != nil {
            		return nil, err
            	}
            	cancel()
            	return png, nil
            }
            """;

    @Test
    void chromedp_cancel_skipped_on_a_failed_run_is_reported_and_deferred_cancel_is_clean() {
        pair("render/shot.go", CHROMEDP.formatted(""),
                CHROMEDP.replace("\tcancel()\n", "").formatted("\tdefer cancel()\n"), "NewContext", "RES-01", LEAK);
    }

    // --- workerpool and tunny: a pool per batch whose goroutines outlive it on an early return
    private static final String WORKERPOOL = """
            import (
            	"errors"

            	"github.com/gammazero/workerpool"
            )

            func Resize(paths []string, resize func(string)) error {
            	if len(paths) == 0 {
            		return errors.New("nothing to resize")
            	}
            	wp := workerpool.New(4)
            %s	for _, p := range paths {
            		if p == "" {
            			return errors.New("empty path")
            		}
            		p := p
            		wp.Submit(func() { resize(p) })
            	}
            	wp.StopWait()
            	return nil
            }
            """;

    @Test
    void workerpool_not_stopped_on_an_early_return_is_reported_and_deferred_stop_is_clean() {
        pair("images/resize.go", WORKERPOOL.formatted(""),
                WORKERPOOL.replace("\twp.StopWait()\n", "").formatted("\tdefer wp.StopWait()\n"), "workerpool.New",
                "RES-01", LEAK);
    }

    private static final String TUNNY = """
            import "github.com/Jeffail/tunny"

            func Hashes(blocks [][]byte, hash func([]byte) []byte) ([][]byte, error) {
            	pool := tunny.NewFunc(8, func(in interface{}) interface{} { return hash(in.([]byte)) })
            %s	out := make([][]byte, 0, len(blocks))
            	for _, b := range blocks {
            		out = append(out, pool.Process(b).([]byte))
            	}
            	return out, nil
            }
            """;

    @Test
    void tunny_pool_never_closed_is_reported_and_deferred_close_is_clean() {
        reported("chain/hash.go", TUNNY, "\tdefer pool.Close()\n", "tunny.NewFunc", "RES-01", LEAK);
    }

    // --- go-plugin: a plugin process started for one call and left running when dispensing fails
    private static final String PLUGIN = """
            import (
            	"os/exec"

            	"github.com/hashicorp/go-plugin"
            )

            func Greet(path string, handshake plugin.HandshakeConfig, plugins map[string]plugin.Plugin) (interface{}, error) {
            	client := plugin.NewClient(&plugin.ClientConfig{
            		HandshakeConfig: handshake,
            		Plugins:         plugins,
            		Cmd:             exec.Command(path),
            	})
            %s	rpcClient, err := client.Client()
            	if err != nil {
            		return nil, err
            	}
            	return rpcClient.Dispense("greeter")
            }
            """;

    @Test
    void plugin_client_not_killed_is_reported_and_deferred_kill_is_clean() {
        reported("ext/greet.go", PLUGIN, "\tdefer client.Kill()\n", "plugin.NewClient", "RES-01", LEAK);
    }

    // --- esutil: a bulk indexer per import whose workers keep running when an item is rejected before Close
    private static final String BULK = """
            import (
            	"bytes"
            	"context"

            	"github.com/elastic/go-elasticsearch/v8"
            	"github.com/elastic/go-elasticsearch/v8/esutil"
            )

            func Import(ctx context.Context, es *elasticsearch.Client, docs [][]byte) error {
            	indexer, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{Client: es, Index: "docs"})
            	if err != nil {
            		return err
            	}
            %s	for _, d := range docs {
            		if err := indexer.Add(ctx, esutil.BulkIndexerItem{Action: "index", Body: bytes.NewReader(d)}); err != nil {
            			return err
            		}
            	}
            	return indexer.Close(ctx)
            }
            """;

    @Test
    void bulk_indexer_left_running_on_an_add_error_is_reported_and_deferred_close_is_clean() {
        reported("search/import.go", BULK, "\tdefer indexer.Close(context.Background())\n", "NewBulkIndexer", "RES-01", LEAK);
    }
}
