import StoreFixtures
import Testing

extension Trait where Self == ConditionTrait {
  /// Runs where PostgreSQL's programs are (always under CI=true, which fails without them).
  static var needsPostgres: Self {
    .enabled(if: PostgresCluster.canRun, Comment(rawValue: PostgresCluster.missing))
  }
}
