import type { Db } from '../../db/types';
import { getCurrentCatalog, getItemVersion, type CatalogItem, type FieldDef } from '../catalog';

/**
 * The catalog as disclosure reads it. Scope and periods come from the item as it stands in the newest
 * catalog version (configuration changes apply to records already held); a field is public only if
 * neither the record's own item version nor the current item hides it, and it is masked if either marks
 * it personal. Cached for one run.
 */
export class ItemResolver {
  private current: Promise<Map<string, CatalogItem>> | null = null;
  private readonly versions = new Map<string, Promise<CatalogItem>>();

  constructor(private readonly db: Db) {}

  async rulesItem(record: { itemCode: string; catalogItemId: string }): Promise<CatalogItem> {
    return (await this.currentItems()).get(record.itemCode) ?? (await this.version(record.catalogItemId));
  }

  /** The field definitions public output filters and masks by (see class comment). */
  async publicFields(record: { itemCode: string; catalogItemId: string }): Promise<{ item: CatalogItem; fields: FieldDef[] }> {
    const [current, own] = [(await this.currentItems()).get(record.itemCode), await this.version(record.catalogItemId)];
    const byKey = new Map<string, FieldDef>();
    for (const field of own.fields) byKey.set(field.key, field);
    for (const field of current?.fields ?? []) {
      const mine = byKey.get(field.key);
      byKey.set(field.key, {
        ...field,
        personal: field.personal ?? mine?.personal,
        publicVisible: field.publicVisible === false || mine?.publicVisible === false ? false : field.publicVisible,
      });
    }
    return { item: current ?? own, fields: [...byKey.values()] };
  }

  private currentItems(): Promise<Map<string, CatalogItem>> {
    this.current ??= getCurrentCatalog(this.db).then(({ items }) => new Map(items.map((item) => [item.code, item])));
    return this.current;
  }

  private version(id: string): Promise<CatalogItem> {
    let item = this.versions.get(id);
    if (!item) {
      item = getItemVersion(this.db, id);
      this.versions.set(id, item);
    }
    return item;
  }
}
