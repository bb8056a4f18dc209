/** The build's identity, made by the offline integration; Pagefind's cache tag uses it. */
declare module 'virtual:archive-offline' {
  export const buildId: string;
}
