import type { Path } from './path.js';

/** 1-based line and column, as editors and every report format count them. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Located extends Position {
  /** False when the path does not exist and the position is that of its nearest existing parent. */
  exact: boolean;
}

/** Maps a path inside a document to where it stands in the source text. */
export interface Locator {
  locate(path: Path): Located;
}
