public enum CSVReaderPlaceholder {}
