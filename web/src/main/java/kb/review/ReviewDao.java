package kb.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Saved reviews and their parts. Writes of a whole review go through {@link SavedReviews}, in one transaction.
 */
@RegisterConstructorMapper(ReviewDao.ReviewRow.class)
@RegisterConstructorMapper(ReviewDao.Summary.class)
@RegisterConstructorMapper(ReviewDao.FileRow.class)
@RegisterConstructorMapper(ReviewDao.FindingRow.class)
@RegisterConstructorMapper(ReviewDao.ManualRow.class)
@RegisterConstructorMapper(ReviewDao.MarkRow.class)
public interface ReviewDao {

    /** A saved review; {@code repository}, {@code prNumber}, {@code title} and {@code url} may be null. */
    record ReviewRow(long id, String repository, Integer prNumber, String title, String url, String diff, String mode,
                     String verdict, int unmappedImports, String createdBy, OffsetDateTime createdAt) {
    }

    /** A review as the list shows it: unsuppressed findings counted by severity. */
    record Summary(long id, String repository, Integer prNumber, String title, String url, String verdict,
                   String createdBy, OffsetDateTime createdAt, int blockers, int warnings, int advice,
                   int suppressed) {
    }

    record FileRow(int position, String path, String oldPath, String changeKind, String language, int addedLines,
                   boolean isBinary, boolean complete, boolean analysed) {
    }

    /** A finding with its checklist item; {@code suppressionLine} is null unless suppressed. */
    record FindingRow(int position, String ruleId, String checklistId, String severity, String file, int line,
                      int col, String code, String message, String confidence, String confidenceNote, String origin,
                      boolean suppressed, Integer suppressionLine, String suppressionReason, String flow) {
    }

    record ManualRow(int position, String checklistId, String prompt, String reason) {
    }

    /** The reviewer's mark on a manual item: {@code checked}, {@code not_applicable} or {@code failed}. */
    record MarkRow(String checklistId, String state, String note, String markedBy, OffsetDateTime markedAt) {
    }

    @SqlUpdate("""
            INSERT INTO reviews (repository, pr_number, title, url, diff, mode, verdict, unmapped_imports,
                                 created_by, created_at)
            VALUES (:repository, :prNumber, :title, :url, :diff, :mode, :verdict, :unmappedImports,
                    :createdBy, :createdAt)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("repository") String repository, @Bind("prNumber") Integer prNumber,
                @Bind("title") String title, @Bind("url") String url, @Bind("diff") String diff,
                @Bind("mode") String mode, @Bind("verdict") String verdict,
                @Bind("unmappedImports") int unmappedImports, @Bind("createdBy") String createdBy,
                @Bind("createdAt") OffsetDateTime createdAt);

    @SqlUpdate("""
            INSERT INTO review_files (review_id, position, path, old_path, change_kind, language, added_lines,
                                      is_binary, complete, analysed)
            VALUES (:reviewId, :f.position, :f.path, :f.oldPath, :f.changeKind, :f.language, :f.addedLines,
                    :f.isBinary, :f.complete, :f.analysed)""")
    void insertFile(@Bind("reviewId") long reviewId, @BindMethods("f") FileRow file);

    @SqlUpdate("""
            INSERT INTO review_findings (review_id, position, rule_id, checklist_id, severity, file, line, col, code,
                                         message, confidence, confidence_note, origin, suppressed, suppression_line,
                                         suppression_reason, flow)
            VALUES (:reviewId, :f.position, :f.ruleId, :f.checklistId, :f.severity, :f.file, :f.line, :f.col, :f.code,
                    :f.message, :f.confidence, :f.confidenceNote, :f.origin, :f.suppressed, :f.suppressionLine,
                    :f.suppressionReason, :f.flow)""")
    void insertFinding(@Bind("reviewId") long reviewId, @BindMethods("f") FindingRow finding);

    @SqlUpdate("""
            INSERT INTO review_manual (review_id, position, checklist_id, prompt, reason)
            VALUES (:reviewId, :m.position, :m.checklistId, :m.prompt, :m.reason)""")
    void insertManual(@Bind("reviewId") long reviewId, @BindMethods("m") ManualRow manual);

    @SqlQuery("SELECT * FROM reviews WHERE id = :id")
    Optional<ReviewRow> find(@Bind("id") long id);

    @SqlQuery("""
            SELECT r.id, r.repository, r.pr_number, r.title, r.url, r.verdict, r.created_by, r.created_at,
                   (SELECT COUNT(*) FROM review_findings f WHERE f.review_id = r.id AND f.suppressed = FALSE
                      AND f.severity = 'blocker') AS blockers,
                   (SELECT COUNT(*) FROM review_findings f WHERE f.review_id = r.id AND f.suppressed = FALSE
                      AND f.severity = 'warning') AS warnings,
                   (SELECT COUNT(*) FROM review_findings f WHERE f.review_id = r.id AND f.suppressed = FALSE
                      AND f.severity = 'advice') AS advice,
                   (SELECT COUNT(*) FROM review_findings f WHERE f.review_id = r.id AND f.suppressed = TRUE)
                      AS suppressed
            FROM reviews r ORDER BY r.created_at DESC, r.id DESC LIMIT :limit""")
    List<Summary> newest(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM review_files WHERE review_id = :id ORDER BY position")
    List<FileRow> files(@Bind("id") long reviewId);

    @SqlQuery("SELECT * FROM review_findings WHERE review_id = :id ORDER BY position")
    List<FindingRow> findings(@Bind("id") long reviewId);

    @SqlQuery("SELECT * FROM review_manual WHERE review_id = :id ORDER BY position")
    List<ManualRow> manual(@Bind("id") long reviewId);

    @SqlQuery("SELECT * FROM review_marks WHERE review_id = :id ORDER BY checklist_id")
    List<MarkRow> marks(@Bind("id") long reviewId);

    @SqlUpdate("DELETE FROM review_marks WHERE review_id = :id AND checklist_id = :item")
    int deleteMark(@Bind("id") long reviewId, @Bind("item") String checklistId);

    @SqlUpdate("""
            INSERT INTO review_marks (review_id, checklist_id, state, note, marked_by, marked_at)
            VALUES (:id, :m.checklistId, :m.state, :m.note, :m.markedBy, :m.markedAt)""")
    void insertMark(@Bind("id") long reviewId, @BindMethods("m") MarkRow mark);

    @SqlUpdate("UPDATE reviews SET verdict = :verdict WHERE id = :id")
    void setVerdict(@Bind("id") long reviewId, @Bind("verdict") String verdict);

    @SqlQuery("SELECT COUNT(*) FROM review_findings WHERE checklist_id = :item AND suppressed = FALSE")
    int findingCount(@Bind("item") String checklistId);
}
