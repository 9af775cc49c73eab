"""Round-84 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a rename (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, go, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
G, GV = heldoutlib.go_version, heldoutlib.go_versions


# ---------------------------------------------------------------- TMO-03 / TMO-02: blob sidecar fetching of a beacon node (prysm)
PRYSM = template('prysm-blob-sidecar-fetch', r'''
// fetchMissingSidecars asks connected peers for the blob sidecars of a block the node imported without them. The
// whole round of requests shares one deadline so that a block with silent peers does not hold up the next slot.
func (s *Service) fetchMissingSidecars(ctx context.Context, root [32]byte, missing []uint64) error {
    ctx, span := trace.StartSpan(ctx, "sync.fetchMissingSidecars")
    defer span.End()

02|    reqCtx, cancel := context.WithTimeout(ctx, s.cfg.sidecarFetchTimeout)
02|    defer cancel()
1|    reqCtx, _ := context.WithTimeout(ctx, s.cfg.sidecarFetchTimeout) //@TMO-03

    peers := s.cfg.p2p.Peers().Connected()
    if len(peers) == 0 {
        return errNoPeersForSidecars
    }
    for _, pid := range peers {
        if !s.cfg.p2p.Peers().IsActive(pid) {
            continue
        }
01|        sidecars, err := s.sendBlobSidecarsByRootRequest(reqCtx, pid, root, missing)
2|        sidecars, err := s.sendBlobSidecarsByRootRequest(context.Background(), pid, root, missing) //@TMO-02
        if err != nil {
            log.WithError(err).WithField("peer", pid).Debug("Could not fetch blob sidecars from peer")
            continue
        }
        if err := s.cfg.blobStorage.SaveAll(reqCtx, sidecars); err != nil {
            return errors.Wrap(err, "could not save blob sidecars")
        }
        return nil
    }
    return errSidecarsUnavailable
}
''')
cases_of(case, GH + 'OffchainLabs/prysm/pull/13069', 'beacon-chain/sync/pending_blobs_fetcher.go',
         G('sync', ['context', '', 'github.com/pkg/errors', 'go.opencensus.io/trace'])(PRYSM), [
             (1, 'go-00-prysm-sidecar-fetch-timeout-cancel-discarded',
              'an edit bounds the sidecar requests with a timeout context and throws its cancel away, so every '
              'fetched block keeps a timer and a context alive until the deadline passes', 'edit'),
             (2, 'go-00-prysm-sidecar-fetch-request-ignores-deadline',
              'an edit sends each peer request on a background context, so a silent peer holds the fetch past the '
              'round\'s deadline and past the node\'s shutdown', 'edit'),
             (0, 'go-ok-00-prysm-sidecar-fetch-timeout-cancelled',
              'clean: the fix keeps the cancel of the timeout context and defers it', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: websocket API client of an exchange connector (binance-connector-go)
BINANCE = template('binance-websocket-api-client', r'''
// WebsocketAPIClient sends signed requests over one websocket and hands each answer to the request waiting for it.
type WebsocketAPIClient struct {
    conn    *websocket.Conn
    writeMu sync.Mutex
    mu      sync.Mutex
    pending map[string]chan []byte
}

// Connect dials the API endpoint and starts the reader that routes answers to their requests.
func (c *WebsocketAPIClient) Connect(endpoint string) error {
    conn, _, err := websocket.DefaultDialer.Dial(endpoint, nil)
    if err != nil {
        return fmt.Errorf("dial %s: %w", endpoint, err)
    }
    c.conn = conn
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Printf("websocket api reader stopped: %v", r)
01|                c.failPending(fmt.Errorf("reader panicked: %v", r))
01|            }
01|        }()
        c.readLoop()
    }()
    return nil
}

// SendMessage writes one request and waits for the answer that carries its id; order placement calls it from many
// goroutines at once.
func (c *WebsocketAPIClient) SendMessage(ctx context.Context, id string, request interface{}) ([]byte, error) {
    answer := make(chan []byte, 1)
02|    c.mu.Lock()
    c.pending[id] = answer //@{1}CONC-03
02|    c.mu.Unlock()

    c.writeMu.Lock()
    err := c.conn.WriteJSON(request)
    c.writeMu.Unlock()
    if err != nil {
        return nil, fmt.Errorf("send request %s: %w", id, err)
    }

    select {
    case msg := <-answer:
        return msg, nil
    case <-ctx.Done():
        return nil, ctx.Err()
    }
}

func (c *WebsocketAPIClient) readLoop() {
    for {
        _, msg, err := c.conn.ReadMessage()
        if err != nil {
            c.failPending(err)
            return
        }
        var head struct {
            ID string `json:"id"`
        }
        if err := json.Unmarshal(msg, &head); err != nil {
            log.Printf("websocket api: unreadable message: %v", err)
            continue
        }
        c.mu.Lock()
        answer, ok := c.pending[head.ID]
        delete(c.pending, head.ID)
        c.mu.Unlock()
        if ok {
            answer <- msg
        }
    }
}
''')
cases_of(case, GH + 'binance/binance-connector-go/issues/66', 'websocket_api.go',
         G('binance_connector', ['context', 'encoding/json', 'fmt', 'log', 'sync', '',
                                 'github.com/gorilla/websocket'])(BINANCE), [
             (1, 'go-00-binance-ws-api-pending-map-written-without-lock',
              'an edit registers each waiting request in the pending map without the client\'s lock, so two orders '
              'placed at once crash the trading process with concurrent map writes', 'edit'),
             (2, 'go-00-binance-ws-api-reader-goroutine-without-recover',
              'an edit starts the answer reader in a goroutine with no recover, so one malformed frame that panics '
              'the decoder takes the whole connector down', 'edit'),
             (0, 'go-ok-00-binance-ws-api-pending-map-locked',
              'clean: the fix registers waiting requests under the client\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: cross-chain block indexer of an explorer (omni)
OMNI = template('omni-explorer-indexer-insert', r'''
// insertXBlock stores one cross-chain block with its messages and receipts. All of it lands in one transaction so
// that the explorer never shows a block whose messages are missing.
func (p *Provider) insertXBlock(ctx context.Context, block xchain.Block) error {
    tx, err := p.client.Tx(ctx)
    if err != nil { //@{1}TX-01
        return errors.Wrap(err, "begin transaction")
    }
0|    committed := false
0|    defer func() {
0|        if committed {
0|            return
0|        }
0|        if err := tx.Rollback(); err != nil {
0|            log.Error(ctx, "Rollback failed", err, "height", block.BlockHeight)
0|        }
0|    }()
2|    defer func() {
2|        if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
2|            log.Error(ctx, "Rollback failed", err, "height", block.BlockHeight)
2|        }
2|    }()

    dbBlock, err := tx.Block.Create().
        SetChainID(block.SourceChainID).
        SetHeight(block.BlockHeight).
        SetHash(block.BlockHash[:]).
        SetTimestamp(block.Timestamp).
        Save(ctx)
    if err != nil {
        return errors.Wrap(err, "insert block")
    }
    for _, msg := range block.Msgs {
        if err := insertMsg(ctx, tx, msg, dbBlock.ID); err != nil {
            return errors.Wrap(err, "insert message")
        }
    }
    for _, receipt := range block.Receipts {
        if err := insertReceipt(ctx, tx, receipt, dbBlock.ID); err != nil {
            return errors.Wrap(err, "insert receipt")
        }
    }

01|    if err := tx.Commit(); err != nil {
01|        return errors.Wrap(err, "commit")
01|    }
2|    tx.Commit() //@TX-02
0|    committed = true
    log.Debug(ctx, "Inserted xblock", "chain_id", block.SourceChainID, "height", block.BlockHeight)
    return nil
}
''')
cases_of(case, GH + 'omni-network/omni/pull/257', 'explorer/indexer/app/provider.go',
         GV('app', {0: ['context', '', 'github.com/omni-network/omni/lib/errors', 'github.com/omni-network/omni/lib/log',
                        'github.com/omni-network/omni/lib/xchain'],
                    1: ['context', '', 'github.com/omni-network/omni/lib/errors', 'github.com/omni-network/omni/lib/log',
                        'github.com/omni-network/omni/lib/xchain'],
                    2: ['context', 'database/sql', '', 'github.com/omni-network/omni/lib/errors',
                        'github.com/omni-network/omni/lib/log', 'github.com/omni-network/omni/lib/xchain']})(OMNI), [
             (1, 'go-00-omni-indexer-block-tx-never-rolled-back',
              'an edit drops the deferred rollback of the block insert, so a block whose receipt fails to insert '
              'leaves its transaction open and its pooled connection held', 'edit'),
             (2, 'go-00-omni-indexer-block-commit-unchecked',
              'an edit rolls back with a plain deferred call and commits without checking, so a failed commit is '
              'logged as an inserted block and the explorer skips that height for good', 'edit'),
             (0, 'go-ok-00-omni-indexer-block-rolled-back-unless-committed',
              'clean: the fix rolls the block transaction back on every path but the committed one', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: proposal handlers of a chain SDK (cosmos-sdk), renamed file
COSMOS = template('cosmos-sdk-proposal-handlers', r'''
// ProcessProposalHandler checks every transaction of a proposed block before the validator votes on it. The
// transactions are decoded and verified in parallel, one goroutine each, because large blocks made the vote late.
func (h *DefaultProposalHandler) ProcessProposalHandler() sdk.ProcessProposalHandler {
    return func(ctx sdk.Context, req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
        errs := make([]error, len(req.Txs))
        var wg sync.WaitGroup
        for i, rawTx := range req.Txs {
            wg.Add(1)
            go func(i int, rawTx []byte) { //@{1}CONC-01
                defer wg.Done()
02|                defer func() {
02|                    if r := recover(); r != nil {
02|                        errs[i] = fmt.Errorf("panic while verifying tx %d: %v", i, r)
02|                    }
02|                }()
                if _, err := h.txVerifier.ProcessProposalVerifyTx(rawTx); err != nil {
                    errs[i] = err
                }
            }(i, rawTx)
        }
        wg.Wait()

        for i, err := range errs {
            if err != nil {
                ctx.Logger().Error("rejecting proposal", "height", req.Height, "tx", i, "err", err)
                return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}, nil
            }
        }
        return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_ACCEPT}, nil
    }
}

// removeInvalid takes a transaction the proposer found invalid out of the app-side mempool.
func (h *DefaultProposalHandler) removeInvalid(ctx sdk.Context, tx sdk.Tx) {
01|    if err := h.mempool.Remove(tx); err != nil && !errors.Is(err, mempool.ErrTxNotFound) {
01|        ctx.Logger().Error("failed to remove invalid tx from mempool", "err", err)
01|    }
2|    h.mempool.Remove(tx) //@ERR-01
}
''')
cases_of(case, GH + 'cosmos/cosmos-sdk/issues/14375', 'baseapp/proposal_handlers.go',
         GV('baseapp', {v: (['errors', 'fmt', 'sync'] if v != 2 else ['fmt', 'sync'])
                        + ['', 'abci github.com/cometbft/cometbft/abci/types', '', 'sdk github.com/cosmos/cosmos-sdk/types']
                        + (['github.com/cosmos/cosmos-sdk/types/mempool'] if v != 2 else []) for v in (0, 1, 2)})(COSMOS), [
             (1, 'go-00-cosmos-renamed-proposal-handlers-verify-goroutine-without-recover',
              'a PR moves the proposal handlers to their own file and verifies each transaction in a goroutine '
              'with no recover, so one transaction that panics the decoder halts the validator', 'rename'),
             (2, 'go-00-cosmos-renamed-proposal-handlers-mempool-remove-error-dropped',
              'a PR moves the proposal handlers to their own file and drops the error of taking an invalid '
              'transaction out of the mempool, so a mempool that refuses keeps proposing it with nothing logged',
              'rename'),
             (0, 'go-ok-00-cosmos-renamed-proposal-handlers',
              'clean: the move alone; each verifying goroutine recovers and the removal error is logged', 'rename'),
         ], rename_from='baseapp/abci_utils.go')


# ---------------------------------------------------------------- RES-01 / RES-03: local keystore lookup of a wallet SDK (gotron-sdk)
GOTRON = template('gotron-sdk-keystore-from-address', r'''
// FromAddress returns the keystore of the local account that owns addr. Every keystore runs a file watcher until it
// is closed, so the ones that do not hold the address are closed here and the caller closes the one returned.
func FromAddress(addr string) (*keystore.KeyStore, *keystore.Account, error) {
    target, err := address.Base58ToAddress(addr)
    if err != nil {
        return nil, nil, fmt.Errorf("bad address %q: %w", addr, err)
    }
    for _, name := range LocalAccounts() {
        ks := keystore.ForPath(filepath.Join(config.DefaultConfigDir, "account-keys", name)) //@{1}RES-01
2|        defer ks.Close() //@RES-03
        accounts := ks.Accounts()
        if len(accounts) == 0 {
0|            ks.Close()
            continue
        }
        if !bytes.Equal(accounts[0].Address, target) {
0|            ks.Close()
            continue
        }
        return ks, &accounts[0], nil
    }
    return nil, nil, fmt.Errorf("no local account holds %s", addr)
}
''')
cases_of(case, GH + 'fbsobreira/gotron-sdk/pull/186', 'pkg/store/local.go',
         G('store', ['bytes', 'fmt', 'path/filepath', '', 'github.com/fbsobreira/gotron-sdk/pkg/address',
                     'github.com/fbsobreira/gotron-sdk/pkg/common/config', 'github.com/fbsobreira/gotron-sdk/pkg/keystore'])(GOTRON), [
             (1, 'go-00-gotron-keystore-lookup-leaves-others-open',
              'an edit stops closing the keystores that do not hold the address, so every lookup in a long-running '
              'wallet service leaves one file watcher per local account running', 'edit'),
             (2, 'go-00-gotron-keystore-lookup-defers-close-in-loop',
              'an edit defers each keystore\'s close inside the loop over the accounts, so all of them stay open '
              'until the lookup returns and the one handed back is already closed', 'edit'),
             (0, 'go-ok-00-gotron-keystore-lookup-closes-others',
              'clean: the fix closes each keystore that does not hold the address before moving on', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / LOG-01: message relayer of an interchain messaging service (icm-services)
ICM = template('icm-relayer-process-block', r'''
// ProcessBlock relays the warp messages of one source block. Messages are relayed in parallel, but never more than
// maxConcurrentMessages at once: a block full of messages must not open a connection to every validator at once.
func (r *ApplicationRelayer) ProcessBlock(ctx context.Context, block *BlockInfo) error {
    var wg sync.WaitGroup
02|    sem := make(chan struct{}, r.maxConcurrentMessages)
    errCh := make(chan error, len(block.Messages))
    for _, msg := range block.Messages {
        handler, err := r.handlerFor(msg)
        if err != nil {
            return fmt.Errorf("no handler for message %s: %w", msg.ID, err)
        }
2|        r.logger.Info("Relaying message", zap.Stringer("messageID", msg.ID), zap.Uint64("height", block.Height)) //@LOG-01
02|        sem <- struct{}{}
        wg.Add(1)
        go func(handler MessageHandler) { //@{1}CONC-02
            defer wg.Done()
02|            defer func() { <-sem }()
            defer func() {
                if rec := recover(); rec != nil {
                    errCh <- fmt.Errorf("relaying message panicked: %v", rec)
                }
            }()
            if err := r.relayMessage(ctx, handler); err != nil {
                errCh <- err
            }
        }(handler)
    }
    wg.Wait()
    close(errCh)
    for err := range errCh {
        r.logger.Error("Failed to relay message", zap.Uint64("height", block.Height), zap.Error(err))
        return err
    }
    r.logger.Debug("Relayed block", zap.Uint64("height", block.Height), zap.Int("messages", len(block.Messages)))
    return nil
}
''')
cases_of(case, GH + 'ava-labs/icm-services/pull/995', 'relayer/application_relayer.go',
         G('relayer', ['context', 'fmt', 'sync', '', 'go.uber.org/zap'])(ICM), [
             (1, 'go-00-icm-relayer-message-goroutines-unbounded',
              'an edit relays every message of a block in its own goroutine with nothing limiting how many run, so '
              'a burst of messages opens a connection to every validator for each of them at once', 'edit'),
             (2, 'go-00-icm-relayer-logs-every-message',
              'an edit logs each relayed message at info level, so a busy source chain writes one line per message '
              'on every block', 'edit'),
             (0, 'go-ok-00-icm-relayer-message-goroutines-bounded',
              'clean: the fix takes a slot of the semaphore before each message goroutine and frees it when done', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / ERR-01: forkable block hub of a chain data streaming stack (bstream), new file
BSTREAM = template('bstream-forkable-hub', r'''
// ForkableHub keeps the recent blocks of a chain in a fork database and feeds the irreversible ones to subscribers.
type ForkableHub struct {
0|    forkdb        *forkable.ForkDB
0|    logger        *zap.Logger
0|    lastProgress  time.Time
0|    sinceProgress int
0|    subscribers   []*Subscription
12|    forkdb      *forkable.ForkDB
12|    logger      *zap.Logger
12|    subscribers []*Subscription
}

// ProcessBlock is called for every block the relayer receives, partial blocks included (many per second on chains
// with short block times).
func (h *ForkableHub) ProcessBlock(blk *pbbstream.Block, obj any) error {
    if blk.Number < h.forkdb.LIBNum() {
        return nil
    }
1|    h.logger.Info("processing block", zap.Uint64("block_number", blk.Number), zap.String("block_id", blk.Id), zap.Uint64("block_lib", blk.LibNum)) //@LOG-01
0|    h.sinceProgress++
0|    if time.Since(h.lastProgress) >= 10*time.Second {
0|        h.logger.Info("processing blocks", zap.Uint64("last_block", blk.Number), zap.Int("blocks_since_last", h.sinceProgress))
0|        h.lastProgress = time.Now()
0|        h.sinceProgress = 0
0|    }

    if exists := h.forkdb.AddLink(bstream.NewBlockRef(blk.Id, blk.Number), blk.ParentId, obj); exists {
        return nil
    }
01|    if err := h.reorderAndSend(blk); err != nil {
01|        return fmt.Errorf("sending block %d: %w", blk.Number, err)
01|    }
2|    _ = h.reorderAndSend(blk) //@ERR-01
    return nil
}

func (h *ForkableHub) reorderAndSend(blk *pbbstream.Block) error {
    for _, sub := range h.subscribers {
        if err := sub.Push(blk); err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'streamingfast/bstream/pull/66', 'hub/forkable_hub.go',
         GV('hub', {0: ['fmt', 'time', '', 'github.com/streamingfast/bstream', 'github.com/streamingfast/bstream/forkable',
                        'pbbstream github.com/streamingfast/bstream/pb/sf/bstream/v1', 'go.uber.org/zap'],
                    1: ['fmt', '', 'github.com/streamingfast/bstream', 'github.com/streamingfast/bstream/forkable',
                        'pbbstream github.com/streamingfast/bstream/pb/sf/bstream/v1', 'go.uber.org/zap'],
                    2: ['', 'github.com/streamingfast/bstream', 'github.com/streamingfast/bstream/forkable',
                        'pbbstream github.com/streamingfast/bstream/pb/sf/bstream/v1', 'go.uber.org/zap']})(BSTREAM), [
             (1, 'go-00-bstream-new-hub-logs-every-block',
              'a new block hub logs every processed block at info level, so a relayer on a chain with flash blocks '
              'writes dozens of lines per block and gigabytes a day', 'new'),
             (2, 'go-00-bstream-new-hub-send-error-dropped',
              'a new block hub drops the error of sending a block to its subscribers, so a subscriber that failed '
              'silently misses blocks while the hub carries on', 'new'),
             (0, 'go-ok-00-bstream-new-hub-progress-logged-every-ten-seconds',
              'clean: the new hub sums up its progress once every ten seconds and returns send errors', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: transaction building of a relay network's CLI (pocket-core)
POCKET = template('pocket-core-new-tx', r'''
// newTx prepares a signed transaction builder for msg, paid for by fromAddr.
func newTx(cdc *codec.Codec, msg sdk.ProtoMsg, fromAddr sdk.Address, tmNode client.Client, keybase keys.Keybase, passphrase string, fees int64) (txBuilder auth.TxBuilder, cliCtx util.CLIContext, err error) {
    genDoc, err := getGenesisFile()
    if err != nil {
        return
    }
    chainID := genDoc.ChainID
    kp, err := keybase.Get(fromAddr) //@{1}ERR-01
02|    if err != nil {
02|        return
02|    }
    privkey, err := mintPK.PrivateKeyFromHex(kp.PrivKeyArmor)
    if err != nil {
        return
    }
    cliCtx = util.NewCLIContext(tmNode, fromAddr, passphrase).WithCodec(cdc)
    cliCtx.PrivateKey = privkey
    txBuilder = auth.NewTxBuilder(auth.DefaultTxEncoder(cdc), auth.DefaultTxDecoder(cdc), chainID, "", sdk.NewCoins(sdk.NewCoin(sdk.DefaultStakeDenom, sdk.NewInt(fees))))
    return
}

// queryHeight asks the node's RPC endpoint for its current height.
func queryHeight(rpcURL string) (int64, error) {
    resp, err := rpcClient.Post(rpcURL+"/v1/query/height", "application/json", bytes.NewBufferString("{}"))
    if err != nil { //@{2}RES-02
        return 0, err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return 0, fmt.Errorf("query height: %s", resp.Status)
    }
    var out struct {
        Height int64 `json:"height"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return 0, err
    }
    return out.Height, nil
}
''')
cases_of(case, GH + 'pokt-network/pocket-core/issues/600', 'app/cmd/rpc/client.go',
         G('rpc', ['bytes', 'encoding/json', 'fmt', 'net/http', '', 'github.com/pokt-network/pocket-core/codec',
                   'mintPK github.com/pokt-network/pocket-core/crypto', 'github.com/pokt-network/pocket-core/crypto/keys',
                   'sdk github.com/pokt-network/pocket-core/types', 'github.com/pokt-network/pocket-core/x/auth',
                   'github.com/pokt-network/pocket-core/x/auth/util', '',
                   'github.com/tendermint/tendermint/rpc/client'])(POCKET), [
             (1, 'go-00-pocket-new-tx-keybase-error-unchecked',
              'an edit reads the signer from the keybase without checking the error, so a missing key surfaces '
              'later as a confusing armor-decoding failure instead of "key not found"', 'edit'),
             (2, 'go-00-pocket-query-height-body-never-closed',
              'an edit no longer closes the height query\'s response, so a CLI session that polls the height keeps '
              'one connection per poll out of the pool', 'edit'),
             (0, 'go-ok-00-pocket-new-tx-keybase-error-checked',
              'clean: the fix returns the keybase error before using the key pair', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: upstream eth_call forwarding of a chain node's RPC (harmony)
HARMONY = template('harmony-rpc-upstream-client', r'''
// defaultUpstreamTimeout bounds one forwarded call when the operator did not configure one.
const defaultUpstreamTimeout = 30 * time.Second

02|var upstreamClient = &http.Client{Timeout: defaultUpstreamTimeout}
1|var upstreamClient = &http.Client{} //@TMO-01

// forwardCall sends an eth_call the local node cannot answer (state pruned) to the archival node configured for it.
func (s *PublicContractService) forwardCall(ctx context.Context, payload []byte) (hexutil.Bytes, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.archivalURL, bytes.NewReader(payload))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/json")

2|    client := &http.Client{Timeout: s.callTimeout} //@RES-04
2|    resp, err := client.Do(req)
01|    resp, err := upstreamClient.Do(req)
    if err != nil {
        return nil, errors.Wrap(err, "forward eth_call")
    }
    defer resp.Body.Close()

    var out rpcResponse
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return nil, errors.Wrap(err, "decode forwarded eth_call")
    }
    if out.Error != nil {
        return nil, errors.New(out.Error.Message)
    }
    return out.Result, nil
}
''')
cases_of(case, GH + 'harmony-one/harmony/pull/4372', 'rpc/harmony/contract_upstream.go',
         G('rpc', ['bytes', 'context', 'encoding/json', 'net/http', 'time', '',
                   'github.com/ethereum/go-ethereum/common/hexutil', 'github.com/pkg/errors'])(HARMONY), [
             (1, 'go-00-harmony-upstream-client-without-timeout',
              'an edit forwards eth_calls with a client that has no timeout, so an archival node that accepts and '
              'never answers parks one RPC handler per forwarded call', 'edit'),
             (2, 'go-00-harmony-upstream-client-per-call',
              'an edit builds a new HTTP client for every forwarded call, so no connection to the archival node '
              'is reused and each call pays a fresh handshake', 'edit'),
             (0, 'go-ok-00-harmony-upstream-client-with-timeout',
              'clean: the fix gives the shared forwarding client a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-02: price history store of an oracle price feeder (oracle-price-feeder), new file
KUJIRA = template('kujira-price-history-store', r'''
// HistoryStore keeps the prices the feeder saw, so that TWAP deviation checks survive a restart.
type HistoryStore struct {
    db *sql.DB
}

// Latest returns the newest price of each provider for one denom.
func (s *HistoryStore) Latest(ctx context.Context, denom string) (map[string]Price, error) {
    rows, err := s.db.QueryContext(ctx, `SELECT provider, price, time FROM prices WHERE denom = ? AND time = (SELECT MAX(time) FROM prices p WHERE p.denom = prices.denom AND p.provider = prices.provider)`, denom) //@{1}RES-01
    if err != nil {
        return nil, fmt.Errorf("query latest prices of %s: %w", denom, err)
    }
02|    defer rows.Close()

    latest := map[string]Price{}
    for rows.Next() {
        var provider string
        var p Price
        if err := rows.Scan(&provider, &p.Value, &p.Time); err != nil {
            return nil, err
        }
        latest[provider] = p
    }
    return latest, rows.Err()
}

// Add stores one round of prices and drops those older than the retention window.
func (s *HistoryStore) Add(ctx context.Context, denom string, prices map[string]Price, keep time.Duration) error {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    for provider, p := range prices {
        if _, err := tx.ExecContext(ctx, `INSERT INTO prices (denom, provider, price, time) VALUES (?, ?, ?, ?)`, denom, provider, p.Value, p.Time); err != nil {
            return fmt.Errorf("store price of %s from %s: %w", denom, provider, err)
        }
    }
01|    if _, err := tx.ExecContext(ctx, `DELETE FROM prices WHERE denom = ? AND time < ?`, denom, time.Now().Add(-keep)); err != nil {
01|        return fmt.Errorf("prune prices of %s: %w", denom, err)
01|    }
2|    tx.ExecContext(ctx, `DELETE FROM prices WHERE denom = ? AND time < ?`, denom, time.Now().Add(-keep)) //@TX-02
    return tx.Commit()
}
''')
cases_of(case, GH + 'Team-Kujira/oracle-price-feeder/pull/71', 'feeder/history/store.go',
         G('history', ['context', 'database/sql', 'fmt', 'time'])(KUJIRA), [
             (1, 'go-00-kujira-new-history-store-rows-never-closed',
              'a new price history store never closes the rows of its latest-price query, so an early return keeps '
              'the SQLite connection busy and later writes fail with "database is locked"', 'new'),
             (2, 'go-00-kujira-new-history-store-prune-error-ignored',
              'a new price history store ignores the error of pruning old prices inside its transaction, so the '
              'table grows without bound while every round reports success', 'new'),
             (0, 'go-ok-00-kujira-new-history-store',
              'clean: the new store closes its query rows and checks every statement of the transaction', 'new'),
         ])
