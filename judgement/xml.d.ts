// The `xml` package (the one jest-junit writes its JUnit with) ships no types; this is the part used here.
declare module 'xml' {
  type XmlAttributes = Record<string, string | number>;
  export type XmlObject = { [tag: string]: XmlContent | XmlObject } | { _attr: XmlAttributes } | { _cdata: string };
  export type XmlContent = string | Array<XmlObject | string>;
  function xml(content: XmlObject | XmlObject[], options?: { declaration?: boolean; indent?: string }): string;
  export default xml;
}
