/**
 * Run stores: where a run's checkpoints (its snapshot JSON and a few facts about it) are kept so
 * that another process can resume it. {@link io.stepwise.store.RunStore} is the SPI;
 * {@link io.stepwise.store.InMemoryRunStore}, {@link io.stepwise.store.DirectoryRunStore} and
 * {@link io.stepwise.store.JdbcRunStore} (SQLite, PostgreSQL) implement it.
 */
package io.stepwise.store;
