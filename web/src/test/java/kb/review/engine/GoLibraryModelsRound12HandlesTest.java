package kb.review.engine;

import static kb.review.engine.GoLibraryModelsRound12Test.LEAK;
import static kb.review.engine.GoLibraryModelsRound12Test.pair;
import static kb.review.engine.GoLibraryModelsRound12Test.reported;

import org.junit.jupiter.api.Test;

/**
 * The round-12 Go models of connections and file handles (content/rules/models/go-libraries-7.yaml): a Pulsar producer
 * made for one send, an LDAP connection left on a failed bind, an excelize workbook and a pcap handle left open on an
 * error return. Split from {@link GoLibraryModelsRound12Test}, whose pair checks they share: the defect is reported on
 * the line that acquires the value and the look-alike with the release added is clean.
 */
class GoLibraryModelsRound12HandlesTest {

    // --- pulsar-client-go: a producer made for one send and left registered when the send fails
    private static final String PULSAR_PRODUCER = """
            import (
            	"context"

            	"github.com/apache/pulsar-client-go/pulsar"
            )

            type Notifier struct {
            	client pulsar.Client
            }

            func (n *Notifier) Notify(ctx context.Context, topic string, body []byte) error {
            	producer, err := n.client.CreateProducer(pulsar.ProducerOptions{Topic: topic})
            	if err != nil {
            		return err
            	}
            %s	if _, err := producer.Send(ctx, &pulsar.ProducerMessage{Payload: body}); err != nil {
            		return err
            	}
            	return nil
            }
            """;

    @Test
    void pulsar_producer_per_send_left_open_is_reported_and_closed_one_is_clean() {
        reported("notify/pulsar.go", PULSAR_PRODUCER, "\tdefer producer.Close()\n", "CreateProducer", "RES-01", LEAK);
    }

    // --- go-ldap: a login check that returns on a wrong password without closing the connection
    private static final String LDAP_BIND = """
            import (
            	"fmt"

            	"github.com/go-ldap/ldap/v3"
            )

            type Directory struct {
            	url    string
            	baseDN string
            }

            func (d *Directory) Authenticate(user, password string) error {
            	conn, err := ldap.DialURL(d.url)
            	if err != nil {
            		return err
            	}
            %s	if err := conn.Bind(fmt.Sprintf("uid=%%s,%%s", ldap.EscapeDN(user), d.baseDN), password); err != nil {
            		return fmt.Errorf("invalid credentials: %%w", err)
            	}
            	return nil
            }
            """;

    @Test
    void ldap_connection_left_open_on_a_failed_bind_is_reported_and_deferred_close_is_clean() {
        reported("auth/ldap.go", LDAP_BIND, "\tdefer conn.Close()\n", "DialURL", "RES-01", LEAK);
    }

    // --- excelize: a workbook opened for an import and left with its temporary files when a sheet is missing
    private static final String EXCEL = """
            import (
            	"fmt"

            	"github.com/xuri/excelize/v2"
            )

            func ReadPrices(path string) ([][]string, error) {
            	f, err := excelize.OpenFile(path)
            	if err != nil {
            		return nil, err
            	}
            %s	rows, err := f.GetRows("Prices")
            	if err != nil {
            		return nil, fmt.Errorf("sheet Prices: %%w", err)
            	}
            	return rows, nil
            }
            """;

    @Test
    void excel_workbook_left_open_on_a_missing_sheet_is_reported_and_deferred_close_is_clean() {
        reported("prices/import.go", EXCEL, "\tdefer f.Close()\n", "OpenFile", "RES-01", LEAK);
    }

    // --- gopacket pcap: a capture opened for a filter check and left open when the filter is rejected
    private static final String PCAP = """
            import (
            	"time"

            	"github.com/google/gopacket"
            	"github.com/google/gopacket/pcap"
            )

            func Capture(device, filter string, out chan<- gopacket.Packet) error {
            	handle, err := pcap.OpenLive(device, 65535, false, time.Second)
            	if err != nil {
            		return err
            	}
            %s	if err := handle.SetBPFFilter(filter); err != nil {
            		return err
            	}
            	source := gopacket.NewPacketSource(handle, handle.LinkType())
            	for p := range source.Packets() {
            		out <- p
            	}
            	return nil
            }
            """;

    @Test
    void pcap_handle_left_open_on_a_bad_filter_is_reported_and_deferred_close_is_clean() {
        reported("sniff/capture.go", PCAP, "\tdefer handle.Close()\n", "OpenLive", "RES-01", LEAK);
    }
}
