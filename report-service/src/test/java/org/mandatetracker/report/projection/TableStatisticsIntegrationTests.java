package org.mandatetracker.report.projection;

import org.junit.jupiter.api.Test;
import org.mandatetracker.report.ReportServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the database's autovacuum is off, report-service analyses a table once enough of it has changed. */
@ReportServiceIntegrationTest
class TableStatisticsIntegrationTests {

    @Autowired
    TableStatistics statistics;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTableChangedEnoughIsAnalysedWhenAutovacuumIsOff() throws InterruptedException {
        assumeTrue("off".equals(jdbc.queryForObject("SHOW autovacuum", String.class)),
                "autovacuum is on here, and keeps the statistics itself");
        jdbc.update("""
                INSERT INTO body_version (body_id, valid_from, valid_to, name, short_name)
                SELECT 'statistics-' || n, DATE '2001-01-01', 'infinity', 'Body', 'B' FROM generate_series(1, 500) n""");
        // The statistics collector reports changes to pg_stat_user_tables a moment after they commit.
        for (int i = 0; i < 50 && modifiedSinceAnalyse() < 500; i++) {
            Thread.sleep(100);
        }
        assertThat(modifiedSinceAnalyse()).isGreaterThanOrEqualTo(500);

        statistics.refreshWhereStale();

        assertThat(modifiedSinceAnalyse()).isLessThan(500);
        assertThat(jdbc.queryForObject("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                + "WHERE relname = 'body_version'", Boolean.class)).isTrue();
    }

    private long modifiedSinceAnalyse() {
        return jdbc.queryForObject("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = 'body_version'",
                Long.class);
    }
}
