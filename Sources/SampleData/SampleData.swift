public enum SampleData { public static let files: [String: String] = [:] }
