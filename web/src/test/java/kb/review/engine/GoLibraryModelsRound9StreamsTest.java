package kb.review.engine;

import static kb.review.engine.GoLibraryModelsRound9Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-9 Go models of cloud downloads and streams (content/rules/models/go-libraries-2.yaml): a Cloud Storage
 * object reader, a Docker image pull stream and an Azure blob download body, each open until closed (RES-01). Split
 * from {@link GoLibraryModelsRound9Test}, whose {@code items} check they share: each defect is paired with the
 * look-alike that closes the stream by defer; findings are compared as "line:item".
 */
class GoLibraryModelsRound9StreamsTest {

    // --- a Cloud Storage object reader not closed on an early return / closed by defer ---

    private static final String GCS_READER = """
            package assets

            import (
            \t"context"
            \t"errors"
            \t"io"

            \t"cloud.google.com/go/storage"
            )

            func Head(ctx context.Context, client *storage.Client, bucket, name string) ([]byte, error) {
            \tr, err := client.Bucket(bucket).Object(name).NewReader(ctx)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\tif r.Attrs.Size == 0 {
            \t\treturn nil, errors.New("empty object")
            \t}
            \treturn io.ReadAll(io.LimitReader(r, 512))
            }
            """;

    @Test
    void go_gcs_reader_defect_is_reported() {
        assertEquals(List.of("12:RES-01"), items("assets/fetch.go", GCS_READER.formatted("")));
    }

    @Test
    void go_gcs_reader_look_alike_is_clean() {
        assertEquals(List.of(), items("assets/fetch.go", GCS_READER.formatted("\tdefer r.Close()\n")));
    }

    // --- a Docker image pull stream never closed / closed by defer ---

    private static final String DOCKER_PULL = """
            package deploy

            import (
            \t"context"
            \t"io"

            \t"github.com/docker/docker/api/types/image"
            \t"github.com/docker/docker/client"
            )

            func Pull(ctx context.Context, cli *client.Client, ref string, log io.Writer) error {
            \trc, err := cli.ImagePull(ctx, ref, image.PullOptions{})
            \tif err != nil {
            \t\treturn err
            \t}
            %s\t_, err = io.Copy(log, rc)
            \treturn err
            }
            """;

    @Test
    void go_docker_pull_defect_is_reported() {
        assertEquals(List.of("12:RES-01"), items("deploy/pull.go", DOCKER_PULL.formatted("")));
    }

    @Test
    void go_docker_pull_look_alike_is_clean() {
        assertEquals(List.of(), items("deploy/pull.go", DOCKER_PULL.formatted("\tdefer rc.Close()\n")));
    }

    // --- an Azure blob download whose body is not closed on an early return / closed by defer ---

    private static final String AZURE_DOWNLOAD = """
            package blobs

            import (
            \t"context"
            \t"errors"
            \t"io"

            \t"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
            )

            func Get(ctx context.Context, client *azblob.Client, container, name string) ([]byte, error) {
            \tresp, err := client.DownloadStream(ctx, container, name, nil)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\tif resp.ContentLength != nil && *resp.ContentLength > 1<<20 {
            \t\treturn nil, errors.New("blob too large")
            \t}
            \treturn io.ReadAll(resp.Body)
            }
            """;

    @Test
    void go_azure_download_defect_is_reported() {
        assertEquals(List.of("12:RES-02"), items("blobs/get.go", AZURE_DOWNLOAD.formatted("")));
    }

    @Test
    void go_azure_download_look_alike_is_clean() {
        assertEquals(List.of(), items("blobs/get.go", AZURE_DOWNLOAD.formatted("\tdefer resp.Body.Close()\n")));
    }
}
